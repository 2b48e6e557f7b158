package org.workforceiam.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.AuditListener;
import org.workforceiam.core.DryRuns;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.HttpLogging;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.IamEventListener;
import org.workforceiam.core.IamException;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.Secret;
import org.workforceiam.entra.EntraClient;
import org.workforceiam.entra.EntraConnectionCheck;
import org.workforceiam.entra.EntraCredential;

/**
 * The connection to a Microsoft Entra ID tenant: an {@link EntraClient} from {@code --tenant-id},
 * {@code --client-id}, the credential ({@code --private-key} with {@code --certificate}, or {@code
 * --client-secret-file}) and the optional {@code --authority-url} and {@code --graph-url}, and for
 * the commands that need it the group from {@code --group-id}. The only class of the CLI that knows
 * the Entra adapter.
 *
 * <p>The changes go through {@code client.resets(group)}, made once in the constructor with the
 * audit listener that logs through SLF4J, as {@link OktaConnection} does; the adapter refuses a
 * user outside the group or holding a directory role before any write. The commands check {@code
 * resets().capabilities()} before they look the user up, so what Entra cannot do (a reset link,
 * expire only, unlock, forgetting devices) is exit 8 before any request.
 */
final class EntraConnection implements Connection {
  /** A GUID, as Entra's object ids are. */
  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** The longest client secret file read: Entra's secrets are about 40 characters. */
  static final int MAX_SECRET_BYTES = 4096;

  private final EntraClient client;
  private final String tenant;
  private final Optional<GroupId> group;
  private final Optional<ResetService> resets;

  private EntraConnection(EntraClient client, String tenant, Optional<GroupId> group) {
    this.client = client;
    this.tenant = tenant;
    this.group = group;
    this.resets = group.map(client::resets);
  }

  /**
   * Connects with the run's settings: the tenant, app and credential, and the group when asked.
   * Every setting is checked before anything is sent, the group id among them; all that are missing
   * are named at once.
   *
   * @throws UsageException when a setting is missing, or both credentials are given
   * @throws IamException.InvalidConfiguration when a value or file is unusable (exit 2)
   */
  static EntraConnection open(Settings settings, boolean needsGroup, IamEventListener events) {
    List<String> missing = new ArrayList<>();
    for (Settings.Setting setting :
        List.of(Settings.Setting.TENANT_ID, Settings.Setting.CLIENT_ID)) {
      if (settings.get(setting).isEmpty()) {
        missing.add(settings.describe(setting));
      }
    }
    Optional<String> key = settings.get(Settings.Setting.PRIVATE_KEY);
    Optional<String> certificate = settings.get(Settings.Setting.CERTIFICATE);
    Optional<String> secretFile = settings.get(Settings.Setting.CLIENT_SECRET_FILE);
    if (secretFile.isPresent() && (key.isPresent() || certificate.isPresent())) {
      throw new UsageException(
          "give either --private-key with --certificate, or --client-secret-file, not both (a flag"
              + " or its ENTRA_ environment variable each); a certificate is the safer choice");
    }
    if (secretFile.isEmpty()) {
      if (key.isEmpty() && certificate.isEmpty()) {
        missing.add(
            settings.describe(Settings.Setting.PRIVATE_KEY)
                + " with "
                + settings.describe(Settings.Setting.CERTIFICATE)
                + ", or "
                + settings.describe(Settings.Setting.CLIENT_SECRET_FILE));
      } else if (key.isEmpty()) {
        missing.add(settings.describe(Settings.Setting.PRIVATE_KEY));
      } else if (certificate.isEmpty()) {
        missing.add(settings.describe(Settings.Setting.CERTIFICATE));
      }
    }
    if (needsGroup && settings.get(Settings.Setting.GROUP_ID).isEmpty()) {
      missing.add(settings.describe(Settings.Setting.GROUP_ID));
    }
    Settings.reportMissing(missing);

    Optional<GroupId> group =
        needsGroup
            ? Optional.of(requireGroup(settings.require(Settings.Setting.GROUP_ID)))
            : Optional.empty();
    EntraCredential credential =
        secretFile.isPresent()
            ? EntraCredential.clientSecret(readSecret(Path.of(secretFile.get())))
            : EntraCredential.certificateFiles(
                Path.of(key.orElseThrow()), Path.of(certificate.orElseThrow()));
    String tenant = settings.require(Settings.Setting.TENANT_ID);
    EntraClient.Builder builder =
        EntraClient.builder()
            .tenantId(tenant)
            .clientId(settings.require(Settings.Setting.CLIENT_ID))
            .credential(credential)
            .httpLogging(settings.verbose() ? HttpLogging.BASIC : HttpLogging.NONE)
            .auditListener(AuditListener.logging())
            .eventListener(events);
    settings.get(Settings.Setting.AUTHORITY_URL).ifPresent(builder::authorityUrl);
    settings.get(Settings.Setting.GRAPH_URL).ifPresent(builder::graphUrl);
    EntraClient client = builder.build();
    try {
      return new EntraConnection(client, tenant, group);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** Refuses a group id that is not an object id before anything is sent. */
  static GroupId requireGroup(String value) {
    if (!GUID.matcher(value).matches()) {
      String shown = value.length() > 64 ? value.substring(0, 64) + "…" : value;
      throw new UsageException(
          "the group id '"
              + Printable.escape(shown)
              + "' is not an Entra group object id: a GUID such as"
              + " 02bd9fd6-8f93-4758-87c3-1fb73740a315, the Object ID on the group's Overview in the"
              + " Microsoft Entra admin center");
    }
    return GroupId.of(value);
  }

  /**
   * Reads a client secret file: the secret on one line (a final line break is dropped). Errors name
   * the file and the fix, never any of its content.
   */
  static Secret readSecret(Path file) {
    String name = "the client secret file " + file;
    if (Files.isDirectory(file)) {
      throw new UsageException(name + " is a folder; give the file holding the secret's Value");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_SECRET_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new UsageException(name + " does not exist");
    } catch (AccessDeniedException e) {
      throw new UsageException("cannot read " + name + ": permission denied");
    } catch (IOException e) {
      throw new UsageException("cannot read " + name + " (" + e.getClass().getSimpleName() + ")");
    }
    if (bytes.length > MAX_SECRET_BYTES) {
      throw new UsageException(
          name
              + " holds more than "
              + MAX_SECRET_BYTES
              + " bytes; it should hold only the secret's Value from the app registration's"
              + " Certificates & secrets");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new UsageException(name + " is not UTF-8 text");
    }
    String secret = text.strip();
    if (secret.isEmpty()) {
      throw new UsageException(
          name + " is empty; put the secret's Value from the app registration in it");
    }
    if (secret.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new UsageException(
          name
              + " must hold the secret alone, on one line without spaces (it holds more than one"
              + " word or line)");
    }
    return Secret.of(secret);
  }

  @Override
  public Provider provider() {
    return Provider.entra;
  }

  @Override
  public String target() {
    return tenant;
  }

  @Override
  public IamDirectory directory() {
    return client.directory();
  }

  @Override
  public String userForms() {
    return "an object id, a userPrincipalName or a mail address";
  }

  @Override
  public GroupId group() {
    return group.orElseThrow(() -> new IllegalStateException("this command takes no group"));
  }

  @Override
  public ResetService resets() {
    return resets.orElseThrow(() -> new IllegalStateException("this command takes no group"));
  }

  @Override
  public DryRuns dryRuns() {
    return client.dryRuns(group());
  }

  /**
   * Entra's check: {@code tenantId, tokenType, scopesRequested, scopesGranted, groupId,
   * groupReadable, firstPageCount, problems}. The exit code: 4 when application permissions are
   * missing (the error line names each), else that of the call that failed, else 3 for an expired
   * certificate, 2 for a group without members, 7 for a token whose roles cannot be read.
   */
  @Override
  public CheckReport check() {
    EntraConnectionCheck check = client.check(group());
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("tenantId", check.tenantId());
    json.put("tokenType", check.tokenType().orElse(null));
    json.put("scopesRequested", check.scopesRequested());
    json.put("scopesGranted", check.scopesGranted());
    json.put("groupId", check.groupId().value());
    json.put("groupReadable", check.groupReadable());
    json.put(
        "firstPageCount",
        check.firstPageCount().isPresent() ? check.firstPageCount().getAsInt() : null);
    json.put("problems", check.problems());
    return new CheckReport(json, check.warnings(), problem(check));
  }

  private static Optional<Problem> problem(EntraConnectionCheck check) {
    if (check.ok()) {
      return Optional.empty();
    }
    List<String> missing = check.missingPermissions();
    if (!missing.isEmpty()) {
      String named =
          check.problems().stream()
              .filter(p -> missing.stream().allMatch(p::contains))
              .findFirst()
              .orElse("the app lacks the application permissions " + missing);
      return Optional.of(new Problem(named, ExitCodes.PERMISSION));
    }
    Optional<IamException> failure = check.failure();
    if (failure.isPresent()) {
      return Optional.of(
          new Problem(String.valueOf(failure.get().getMessage()), ExitCodes.of(failure.get())));
    }
    String first = check.problems().get(0);
    Instant now = Instant.now();
    boolean expired = check.certificateExpiresAt().map(at -> !at.isAfter(now)).orElse(false);
    int code;
    if (expired) {
      code = ExitCodes.AUTHENTICATION;
    } else if (check.groupReadable() && check.firstPageCount().orElse(-1) == 0) {
      code = ExitCodes.USAGE;
    } else {
      code = ExitCodes.PROTOCOL;
    }
    return Optional.of(new Problem(first, code));
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "EntraConnection{"
        + client
        + ", group="
        + group.map(GroupId::value).orElse("none")
        + "}";
  }
}
