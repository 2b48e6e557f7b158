package org.workforceiam.cli;

import java.util.Objects;
import java.util.Optional;
import org.workforceiam.core.DryRuns;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.ResetService;
import org.workforceiam.okta.ConnectionCheck;
import org.workforceiam.okta.OktaClient;

/**
 * What a command works with: the org's directory and, for the commands that need the group, the
 * group of employees with the reset service, dry runs and check for it. Changes reach only members
 * of that group, and every attempt is audited.
 */
final class Connection implements AutoCloseable {
  private final OktaClient client;
  private final Optional<GroupId> group;
  private final Optional<ResetService> resets;

  /**
   * Takes over the client.
   *
   * @throws IllegalArgumentException before anything is sent, when the group id is not an Okta
   *     group id: the reset service is made here, which checks it, as the client's builder did
   */
  Connection(OktaClient client, Optional<GroupId> group) {
    this.client = client;
    this.group = group;
    this.resets = group.map(client::resets);
  }

  IamDirectory directory() {
    return client.directory();
  }

  /** The group of employees from {@code --group-id}. */
  GroupId group() {
    return group.orElseThrow(() -> new IllegalStateException("this command takes no group"));
  }

  /** Changes for members of the group, audited. */
  ResetService resets() {
    return resets.orElseThrow(() -> new IllegalStateException("this command takes no group"));
  }

  /** Works out changes for members of the group through the same guard, changing nothing. */
  DryRuns dryRuns() {
    return client.dryRuns(group());
  }

  /** Tests the set-up with the group. */
  ConnectionCheck check() {
    return client.check(group());
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "Connection{" + client + ", group=" + group.map(Objects::toString).orElse("none") + "}";
  }
}
