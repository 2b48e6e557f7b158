package org.workforceiam.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.AuditListener;
import org.workforceiam.core.DryRuns;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.HttpLogging;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.IamEventListener;
import org.workforceiam.core.IamException;
import org.workforceiam.core.ResetService;
import org.workforceiam.okta.ConnectionCheck;
import org.workforceiam.okta.OktaClient;

/**
 * The connection to an Okta org: an {@link OktaClient} from {@code --org-url}, {@code --client-id},
 * {@code --private-key} and {@code --key-id}, and for the commands that need it the group from
 * {@code --group-id} with its reset service and dry runs. The only class of the CLI that knows the
 * Okta adapter.
 */
final class OktaConnection implements Connection {
  private final OktaClient client;
  private final String orgUrl;
  private final Optional<GroupId> group;
  private final Optional<ResetService> resets;

  /**
   * Takes over the client.
   *
   * @throws IllegalArgumentException before anything is sent, when the group id is not an Okta
   *     group id: the reset service is made here, which checks it, as the client's builder did
   */
  private OktaConnection(OktaClient client, String orgUrl, Optional<GroupId> group) {
    this.client = client;
    this.orgUrl = orgUrl;
    this.group = group;
    this.resets = group.map(client::resets);
  }

  /**
   * Connects with the run's settings: the org, app and key, and the group when asked. Every setting
   * is checked before anything is sent, the group id among them.
   */
  static OktaConnection open(Settings settings, boolean needsGroup, IamEventListener events) {
    settings.requireAll(Settings.needed(needsGroup));
    String orgUrl = settings.require(Settings.Setting.ORG_URL);
    OktaClient.Builder builder =
        OktaClient.builder()
            .orgUrl(orgUrl)
            .clientId(settings.require(Settings.Setting.CLIENT_ID))
            .privateKeyFile(Path.of(settings.require(Settings.Setting.PRIVATE_KEY)))
            .httpLogging(settings.verbose() ? HttpLogging.BASIC : HttpLogging.NONE)
            .auditListener(AuditListener.logging())
            .eventListener(events);
    settings.get(Settings.Setting.KEY_ID).ifPresent(builder::keyId);
    OktaClient client = builder.build();
    try {
      return new OktaConnection(
          client,
          orgUrl,
          needsGroup
              ? Optional.of(GroupId.of(settings.require(Settings.Setting.GROUP_ID)))
              : Optional.empty());
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  @Override
  public Provider provider() {
    return Provider.okta;
  }

  @Override
  public String target() {
    return orgUrl;
  }

  @Override
  public IamDirectory directory() {
    return client.directory();
  }

  @Override
  public String userForms() {
    return "an id, a login or a primary email";
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
   * Okta's check: {@code orgUrl, tokenType, scopesRequested, scopesGranted, groupId, groupReadable,
   * firstPageCount, problems}; a failed check ends with its first problem.
   */
  @Override
  public CheckReport check() {
    ConnectionCheck check = client.check(group());
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("orgUrl", check.orgUrl());
    json.put("tokenType", check.tokenType().orElse(null));
    json.put("scopesRequested", check.scopesRequested());
    json.put("scopesGranted", check.scopesGranted());
    json.put("groupId", check.group().map(GroupId::value).orElse(null));
    json.put("groupReadable", check.groupReadable());
    json.put(
        "firstPageCount",
        check.firstPageCount().isPresent() ? check.firstPageCount().getAsInt() : null);
    json.put("problems", check.problems().stream().map(IamException::getMessage).toList());
    Optional<Problem> problem =
        check.problems().stream()
            .findFirst()
            .map(first -> new Problem(String.valueOf(first.getMessage()), ExitCodes.of(first)));
    return new CheckReport(json, List.of(), problem);
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "OktaConnection{"
        + client
        + ", group="
        + group.map(Objects::toString).orElse("none")
        + "}";
  }
}
