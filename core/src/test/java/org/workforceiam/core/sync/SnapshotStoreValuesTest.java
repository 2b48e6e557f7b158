package org.workforceiam.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The values a store hands the sync: headers, and the errors stores throw. */
class SnapshotStoreValuesTest {
  private static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

  @Test
  void aHeaderKeepsACopyOfItsSaltAndHandsOutCopies() {
    byte[] salt = new byte[16];
    SnapshotStore.Header header = SnapshotStore.Header.of(7, T0, salt);
    salt[0] = 1;
    header.salt()[1] = 1;

    assertThat(header.salt()).containsOnly(0);
    assertThat(header).isEqualTo(SnapshotStore.Header.of(7, T0, new byte[16]));
    assertThat(header).hasSameHashCodeAs(SnapshotStore.Header.of(7, T0, new byte[16]));
    assertThat(header).isNotEqualTo(SnapshotStore.Header.of(8, T0, new byte[16]));
    assertThat(header.toString()).contains("7").doesNotContain("salt");
  }

  @Test
  void aHeaderNeedsAGenerationAndSixteenBytesOfSalt() {
    assertThatThrownBy(() -> SnapshotStore.Header.of(SnapshotStore.NO_SNAPSHOT, T0, new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("generation");
    assertThatThrownBy(() -> SnapshotStore.Header.of(1, T0, new byte[15]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16 bytes");
  }

  @Test
  void onlyASnapshotConflictExceptionHasTheConflictReason() {
    assertThatThrownBy(
            () -> new SnapshotException(SnapshotException.Reason.CONFLICT, "lost the race", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SnapshotConflictException");

    SnapshotConflictException conflict = new SnapshotConflictException("lost the race");

    assertThat(conflict.reason()).isEqualTo(SnapshotException.Reason.CONFLICT);
    assertThat(conflict.isRetryable()).isTrue();
    assertThat(new SnapshotException(SnapshotException.Reason.UNREADABLE, "x", null).isRetryable())
        .isFalse();
  }
}
