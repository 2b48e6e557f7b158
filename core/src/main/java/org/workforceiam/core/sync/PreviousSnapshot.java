package org.workforceiam.core.sync;

import java.time.Instant;
import org.workforceiam.core.GroupId;

/** A snapshot read back from its file: what the previous sync saw. */
final class PreviousSnapshot {
  private final GroupId group;
  private final Instant takenAt;
  private final byte[] salt;
  private final MemberTable members;

  PreviousSnapshot(GroupId group, Instant takenAt, byte[] salt, MemberTable members) {
    this.group = group;
    this.takenAt = takenAt;
    this.salt = salt.clone();
    this.members = members;
  }

  GroupId group() {
    return group;
  }

  Instant takenAt() {
    return takenAt;
  }

  byte[] salt() {
    return salt.clone();
  }

  MemberTable members() {
    return members;
  }
}
