package dev.portallogin.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The least a Java function on this SDK can do: one DynamoDB GetItem, with the same HTTP client, region and
 * credential set-up as the real functions. The benchmark reports every function as a ratio to this.
 */
public final class FloorHandler implements RequestStreamHandler {

    private final DynamoDbClient dynamoDb = DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")))
            .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
            .build();
    private final String table = System.getenv("DIRECTORY_TABLE");

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        boolean found = dynamoDb.getItem(request -> request.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("acme"), "sk", AttributeValue.fromS("store")))).hasItem();
        output.write(("{\"found\":" + found + "}").getBytes(StandardCharsets.UTF_8));
    }
}
