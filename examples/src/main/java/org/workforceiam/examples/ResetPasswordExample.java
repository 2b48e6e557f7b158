package org.workforceiam.examples;

import java.nio.file.Path;
import java.util.Map;
import org.workforceiam.core.Employee;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.okta.OktaClient;

/**
 * Gives one employee a one-time password reset link, after the caller has verified who they are.
 * Configured from the same environment variables as {@link SyncGroupExample}; the user is the first
 * argument (an id, a login or a primary email).
 *
 * <pre>{@code
 * mvn -B -q -DskipTests install
 * mvn -B -q -pl examples exec:java -Dexec.mainClass=org.workforceiam.examples.ResetPasswordExample -Dexec.args=ada@example.com
 * }</pre>
 */
public final class ResetPasswordExample {
  private ResetPasswordExample() {}

  /**
   * Runs the example.
   *
   * @param args the user to reset
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: ResetPasswordExample USER");
      System.exit(2);
    }
    Map<String, String> env = System.getenv();
    GroupId employees = GroupId.of(SyncGroupExample.required(env, "OKTA_GROUP_ID"));
    OktaClient.Builder builder =
        OktaClient.builder()
            .orgUrl(SyncGroupExample.required(env, "OKTA_ORG_URL"))
            .clientId(SyncGroupExample.required(env, "OKTA_CLIENT_ID"))
            .privateKeyFile(Path.of(SyncGroupExample.required(env, "OKTA_PRIVATE_KEY_FILE")));
    if (env.containsKey("OKTA_KEY_ID")) {
      builder.keyId(env.get("OKTA_KEY_ID"));
    }
    try (OktaClient okta = builder.build()) {
      // Changes reach only members of this group: anyone else is refused before Okta is asked.
      ResetService resets = okta.resets(employees);
      Employee employee =
          okta.directory()
              .find(args[0])
              .orElseThrow(() -> new IllegalArgumentException("no such user " + args[0]));
      ResetResult.Password result = resets.resetPassword(employee.id(), PasswordReset.link());
      // The link is a Secret: it shows only when asked, never in a log line or toString().
      result.resetLink().ifPresent(link -> System.out.println("reset link: " + link.reveal()));
    } catch (IamException.PermissionDenied e) {
      System.err.println("refused (" + e.reason() + "): " + e.getMessage());
      System.exit(4);
    } catch (IamException.OutcomeUnknown e) {
      System.err.println("check before retrying: " + e.getMessage());
      System.exit(9);
    } catch (IamException e) {
      System.err.println((e.isRetryable() ? "try again later: " : "failed: ") + e.getMessage());
      System.exit(1);
    }
  }
}
