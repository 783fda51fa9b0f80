package dev.portallogin.core.adapter.dynamodb;

import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.testing.Ports;
import dev.portallogin.core.testing.PortsContracts;
import dev.portallogin.it.support.AwsBackend;
import dev.portallogin.tools.Seed;
import java.util.Map;

/**
 * The DynamoDB adapters on the emulator, with tables from template.yaml, held to the contracts the in-memory ports
 * of the unit tests are held to ({@code InMemoryPortsTest}). Every contract test works in a store of its own, so
 * the tests share the tables.
 */
class DynamoDbContractsIT extends PortsContracts {

    private static final AwsBackend BACKEND = AwsBackend.shared();
    /** Wired as verify-link is, which uses all three tables. */
    private static final AwsClients AWS = new AwsClients(BACKEND.configFor("VerifyLinkFunction", Map.of()));

    @Override
    protected Ports ports() {
        return new Ports(AWS.stores(), AWS.customers(), AWS.customerAccounts(), AWS.codeGuesses(), AWS.loginStore(),
                AWS.auditLog(), AWS.rateLimiter(),
                AWS.deliveryRecords(), (stores, customers, subscriptions) -> new Seed(stores, customers, subscriptions)
                        .load(BACKEND.dynamoDb(), BACKEND.table("DirectoryTable")));
    }
}
