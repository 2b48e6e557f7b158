package org.workforceiam.core.sync;

import java.time.Instant;

/** A snapshot read back from its store: what the previous sync saw. */
final class PreviousSnapshot {
  private final long generation;
  private final Instant takenAt;
  private final byte[] salt;
  private final MemberTable members;

  PreviousSnapshot(SnapshotStore.Header header, MemberTable members) {
    this.generation = header.generation();
    this.takenAt = header.takenAt();
    this.salt = header.salt();
    this.members = members;
  }

  long generation() {
    return generation;
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
