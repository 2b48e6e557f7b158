package org.workforceiam.examples;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.workforceiam.core.Employee;
import org.workforceiam.core.GroupId;
import org.workforceiam.okta.OktaClient;

/**
 * Lists every member of the employees group and reports those whose profile identity verification
 * cannot use. Configured like the helpdesk CLI, from {@code OKTA_ORG_URL}, {@code OKTA_CLIENT_ID},
 * {@code OKTA_PRIVATE_KEY_FILE}, {@code OKTA_KEY_ID} (optional) and {@code OKTA_GROUP_ID}.
 *
 * <pre>{@code
 * mvn -B -q -DskipTests install
 * mvn -B -q -pl examples exec:java -Dexec.mainClass=org.workforceiam.examples.SyncGroupExample
 * }</pre>
 */
public final class SyncGroupExample {
  private SyncGroupExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    GroupId employees = GroupId.of(required(env, "OKTA_GROUP_ID"));
    OktaClient.Builder builder =
        OktaClient.builder()
            .orgUrl(required(env, "OKTA_ORG_URL"))
            .clientId(required(env, "OKTA_CLIENT_ID"))
            .privateKeyFile(Path.of(required(env, "OKTA_PRIVATE_KEY_FILE")));
    if (env.containsKey("OKTA_KEY_ID")) {
      builder.keyId(env.get("OKTA_KEY_ID"));
    }
    try (OktaClient okta = builder.build();
        // Pages are fetched as the stream reaches them: a group of any size fits in memory.
        Stream<Employee> members = okta.directory().members(employees)) {
      long[] counts = new long[2];
      members.forEach(
          employee -> {
            counts[0]++;
            if (!employee.hasCompleteProfile()) {
              counts[1]++;
              System.out.println(
                  employee.login()
                      + " cannot be verified: missing "
                      + employee.missingProfileFields());
            }
          });
      System.out.println(counts[0] + " members, " + counts[1] + " with incomplete profiles");
    }
  }

  static String required(Map<String, String> env, String name) {
    return Objects.requireNonNull(env.get(name), () -> "set the environment variable " + name);
  }
}
