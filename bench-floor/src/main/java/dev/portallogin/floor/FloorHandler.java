package dev.portallogin.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The least a Java function on this SDK can do: one DynamoDB GetItem, with the same HTTP client, region and
 * credential set-up as the real functions. The benchmark reports every function as a ratio to this. An event
 * {@code {"getItems": n}} makes it do n of them in a row: the floor for a function that needs n round trips.
 */
public final class FloorHandler implements RequestStreamHandler {

    private final DynamoDbClient dynamoDb = DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")))
            .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
            .build();
    private static final Pattern GET_ITEMS = Pattern.compile("\"getItems\"\\s*:\\s*(\\d+)");

    private final String table = System.getenv("DIRECTORY_TABLE");

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Matcher getItems = GET_ITEMS.matcher(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        int rounds = getItems.find() ? Integer.parseInt(getItems.group(1)) : 1;
        boolean found = false;
        for (int round = 0; round < rounds; round++) {
            found = dynamoDb.getItem(request -> request.tableName(table).key(Map.of(
                    "pk", AttributeValue.fromS("acme"), "sk", AttributeValue.fromS("store")))).hasItem();
        }
        output.write(("{\"found\":" + found + "}").getBytes(StandardCharsets.UTF_8));
    }
}
