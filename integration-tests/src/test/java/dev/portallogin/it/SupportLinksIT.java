package dev.portallogin.it;

import static dev.portallogin.it.support.Dashboard.request;
import static dev.portallogin.it.support.Dashboard.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.it.support.Dashboard;
import dev.portallogin.it.support.Dashboard.Answer;
import dev.portallogin.it.support.Dashboard.CallingStyle;
import dev.portallogin.it.support.Outbox;
import dev.portallogin.it.support.Portal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A support agent gets magic and portal links for a customer, over HTTP and by direct invocation. */
class SupportLinksIT {

    private final Portal portal = new Portal();
    private final Store store = portal.newStore("US");

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void aMagicLinkByCustomerIdSignsTheCustomerInOnce(CallingStyle style) {
        Customer customer = portal.newCustomer(store, false);
        Dashboard dashboard = new Dashboard(portal, style);

        Answer link = dashboard.magicLink(request("storeId", store.storeId(), "customerId", customer.customerId(),
                "agentId", "agent-7")).hasStatus(201);

        assertThat(link.document()).containsEntry("kind", "magic").containsEntry("customerId", customer.customerId())
                .containsEntry("emailSent", false);
        assertThat(link.string("url")).startsWith(store.portalUrl() + "/login/magic?token=");
        assertThat(Instant.parse(link.string("expiresAt"))).isEqualTo(portal.clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(portal.outbox().emailsTo(customer.email())).isEmpty();
        assertThat(portal.consumeLink(token(link.string("url"))).status()).isEqualTo(200);
        assertThat(portal.consumeLink(token(link.string("url"))).status()).isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void sendEmailsTheLinkToTheAddressOnFileOnly(CallingStyle style) {
        Customer customer = portal.newCustomer(store, false);

        Answer link = new Dashboard(portal, style).magicLink(request("storeId", store.storeId(),
                "customerId", customer.customerId(), "agentId", "agent-7", "send", true, "email", "evil@example.com"))
                .hasStatus(201);

        assertThat(link.document()).containsEntry("emailSent", true);
        Outbox.Email email = portal.outbox().lastEmailTo(customer.email());
        assertThat(email.magicLink()).contains(link.string("url"));
        assertThat(portal.outbox().emailsTo("evil@example.com")).isEmpty();
    }

}
