package dev.portallogin.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What the project's {@code template.yaml} declares, read the way SAM reads it: tables, secrets, functions with
 * their handler and environment (Globals merged in), and the HTTP API routes. The local runner and the tests
 * create resources and call handlers from this, so the template stays the one source of truth.
 */
public final class TemplateModel {

    /** A DynamoDB table resource's {@code Properties}, unresolved. */
    public record Table(String logicalId, Map<String, Object> properties) {
    }

    /** A function: handler string ({@code pkg.Class::method}), code location and environment, unresolved. */
    public record Function(String logicalId, String handler, String codeUri, Map<String, Object> environment) {
        public String handlerClass() {
            int separator = handler.indexOf("::");
            return separator < 0 ? handler : handler.substring(0, separator);
        }
    }

    /** One {@code HttpApi} event: method (upper case, or ANY) and path, possibly with {@code {param}} parts. */
    public record Route(String method, String path, String functionLogicalId, String authorization) {
        public String routeKey() {
            return method + " " + path;
        }
    }

    private final Map<String, Object> template;

    private TemplateModel(Map<String, Object> template) {
        this.template = template;
    }

    public static TemplateModel read(Path templateFile) throws IOException {
        return new TemplateModel(CloudFormationYaml.read(templateFile));
    }

    public List<Table> tables() {
        return resourcesOfType("AWS::DynamoDB::Table").entrySet().stream()
                .map(entry -> new Table(entry.getKey(), properties(entry.getValue())))
                .toList();
    }

    public List<String> secrets() {
        return List.copyOf(resourcesOfType("AWS::SecretsManager::Secret").keySet());
    }

    public List<Function> functions() {
        Map<String, Object> globalEnvironment = variables(map(map(map(template.get("Globals")).get("Function"))
                .get("Environment")));
        List<Function> functions = new ArrayList<>();
        resourcesOfType("AWS::Serverless::Function").forEach((logicalId, resource) -> {
            Map<String, Object> properties = properties(resource);
            Map<String, Object> environment = new LinkedHashMap<>(globalEnvironment);
            environment.putAll(variables(map(properties.get("Environment"))));
            functions.add(new Function(logicalId, (String) properties.get("Handler"),
                    (String) properties.get("CodeUri"), environment));
        });
        return functions;
    }

    public Optional<Function> function(String logicalId) {
        return functions().stream().filter(function -> function.logicalId().equals(logicalId)).findFirst();
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        eventsOfType("HttpApi", (logicalId, properties) -> {
            Object auth = map(properties.get("Auth")).get("Authorizer");
            routes.add(new Route(String.valueOf(properties.getOrDefault("Method", "ANY")).toUpperCase(),
                    String.valueOf(properties.get("Path")), logicalId, auth == null ? "NONE" : String.valueOf(auth)));
        });
        return routes;
    }

    /** Calls {@code each} with the function's logical id and the {@code Properties} of every event of {@code type}. */
    private void eventsOfType(String type, BiConsumer<String, Map<String, Object>> each) {
        resourcesOfType("AWS::Serverless::Function").forEach((logicalId, resource) ->
                map(properties(resource).get("Events")).values().forEach(event -> {
                    Map<String, Object> definition = map(event);
                    if (type.equals(definition.get("Type"))) {
                        each.accept(logicalId, map(definition.get("Properties")));
                    }
                }));
    }

    /** The IAM policy statements of a function's inline {@code Policies}, unresolved. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> policyStatements(String functionLogicalId) {
        Map<String, Object> properties = properties(resourcesOfType("AWS::Serverless::Function")
                .get(functionLogicalId));
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : (List<Object>) properties.getOrDefault("Policies", List.of())) {
            for (Object statement : (List<Object>) map(policy).getOrDefault("Statement", List.of())) {
                statements.add(map(statement));
            }
        }
        return statements;
    }

    /** A function's {@code SQS} event source: the queue it consumes and how many messages a batch holds. */
    public record QueueSource(String functionLogicalId, String queueLogicalId, int batchSize) {
    }

    /** The {@code AWS::SQS::Queue} resources with their properties, in template order. */
    public Map<String, Map<String, Object>> queues() {
        return properties("AWS::SQS::Queue");
    }

    public List<String> topics() {
        return List.copyOf(resourcesOfType("AWS::SNS::Topic").keySet());
    }

    public List<String> sesConfigurationSets() {
        return List.copyOf(resourcesOfType("AWS::SES::ConfigurationSet").keySet());
    }

    /** Every {@code SQS} event of every function, as Lambda's event source mappings would poll them. */
    public List<QueueSource> queueSources() {
        List<QueueSource> sources = new ArrayList<>();
        eventsOfType("SQS", (logicalId, properties) -> {
            Object queue = map(properties.get("Queue")).get("Fn::GetAtt");
            String queueLogicalId = queue instanceof List<?> attribute ? (String) attribute.get(0)
                    : String.valueOf(map(properties.get("Queue")).get("Ref"));
            int batchSize = properties.get("BatchSize") instanceof Number size ? size.intValue() : 10;
            sources.add(new QueueSource(logicalId, queueLogicalId, batchSize));
        });
        return sources;
    }

    /** The resources of one type with their properties (intrinsics unresolved), by logical id, in template order. */
    public Map<String, Map<String, Object>> properties(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resourcesOfType(type).forEach((logicalId, resource) -> found.put(logicalId, properties(resource)));
        return found;
    }

    /** Parameter defaults, as {@code sam local} uses them when no override is given. */
    public Map<String, String> parameterDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        map(template.get("Parameters")).forEach((name, parameter) -> {
            Object value = map(parameter).get("Default");
            if (value != null) {
                defaults.put(name, String.valueOf(value));
            }
        });
        return defaults;
    }

    /**
     * A function's environment with every {@code !Ref} resolved: parameters to their defaults, resources to the
     * physical names or ARNs in {@code physicalIds}.
     */
    public Map<String, String> environment(Function function, Map<String, String> physicalIds) {
        Map<String, String> parameters = parameterDefaults();
        Map<String, String> resolved = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> resolved.put(name, resolve(name, value, parameters,
                physicalIds)));
        return resolved;
    }

    private static String resolve(String name, Object value, Map<String, String> parameters,
                                  Map<String, String> physicalIds) {
        if (value instanceof Map<?, ?> intrinsic && intrinsic.get("Ref") instanceof String ref) {
            if (parameters.containsKey(ref)) {
                return parameters.get(ref);
            }
            if (physicalIds.containsKey(ref)) {
                return physicalIds.get(ref);
            }
            throw new IllegalStateException("Environment variable " + name + " refers to " + ref
                    + ", which is neither a parameter with a default nor a created resource");
        }
        if (value instanceof Map<?, ?>) {
            throw new IllegalStateException("Environment variable " + name + " uses an intrinsic the local "
                    + "runner cannot resolve; use !Ref");
        }
        return String.valueOf(value);
    }

    private Map<String, Object> resourcesOfType(String type) {
        Map<String, Object> matching = new LinkedHashMap<>();
        map(template.get("Resources")).forEach((logicalId, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                matching.put(logicalId, resource);
            }
        });
        return matching;
    }

    private static Map<String, Object> properties(Object resource) {
        return map(map(resource).get("Properties"));
    }

    private static Map<String, Object> variables(Map<String, Object> environment) {
        return map(environment.get("Variables"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
