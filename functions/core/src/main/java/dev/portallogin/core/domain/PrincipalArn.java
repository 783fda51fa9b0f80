package dev.portallogin.core.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IAM principal behind a SigV4-signed request, as API Gateway reports it ({@code requestContext.authorizer.iam
 * .userArn}). A store lists the roles and users its support agents act as; an assumed-role session
 * ({@code arn:aws:sts::<account>:assumed-role/<role>/<session>}) acts as its role. Role ARNs are compared by account
 * and role name only, because an assumed-role ARN drops the role's path (role names are unique in an account
 * whatever their path); user ARNs are compared whole.
 *
 * @param key         the form grants are stored and compared under, e.g. {@code arn:aws:iam::123456789012:role/Support}
 * @param sessionName the role session's name for an assumed role, else null
 */
public record PrincipalArn(String key, String sessionName) {

    private static final Pattern ASSUMED_ROLE =
            Pattern.compile("arn:(aws[a-z-]*):sts::(\\d{12}):assumed-role/([\\w+=,.@-]{1,64})/([\\w+=,.@-]{2,64})");
    private static final Pattern ROLE =
            Pattern.compile("arn:(aws[a-z-]*):iam::(\\d{12}):role/(?:[\\x21-\\x7e]*/)?([\\w+=,.@-]{1,64})");
    private static final Pattern USER =
            Pattern.compile("arn:(aws[a-z-]*):iam::(\\d{12}):user/(?:[\\x21-\\x7e]*/)?[\\w+=,.@-]{1,64}");
    private static final int MAX_LENGTH = 2048;

    /** A caller's ARN or a listed principal's ARN; empty when it is neither a role, a role session nor a user. */
    public static Optional<PrincipalArn> parse(String arn) {
        if (arn == null || arn.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher assumed = ASSUMED_ROLE.matcher(arn);
        if (assumed.matches()) {
            return Optional.of(new PrincipalArn(role(assumed.group(1), assumed.group(2), assumed.group(3)),
                    assumed.group(4)));
        }
        Matcher role = ROLE.matcher(arn);
        if (role.matches()) {
            return Optional.of(new PrincipalArn(role(role.group(1), role.group(2), role.group(3)), null));
        }
        if (USER.matcher(arn).matches()) {
            return Optional.of(new PrincipalArn(arn, null));
        }
        return Optional.empty();
    }

    private static String role(String partition, String account, String name) {
        return "arn:" + partition + ":iam::" + account + ":role/" + name;
    }

    public Optional<String> session() {
        return Optional.ofNullable(sessionName);
    }
}
