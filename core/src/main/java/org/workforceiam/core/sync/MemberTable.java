package org.workforceiam.core.sync;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The members of a snapshot, packed for a small heap: ids and logins as UTF-8 bytes in one array,
 * the fingerprint hashes in one {@code long[]}, and an open-addressing index from id to position.
 * Per member that is 32 bytes of hashes, 8 of bounds, the id's and login's bytes and 8 to 16 bytes
 * of index, plus up to half again while the arrays grow: under 10 MB for 100,000 members with
 * Okta-style ids and email logins, against several times that as {@code String}s and map entries.
 *
 * <p>A table made {@link #idsOnly()} keeps only ids: a compact set of ids.
 *
 * <p>Not thread-safe.
 */
final class MemberTable {
  private static final int INITIAL_MEMBERS = 1024;

  private final boolean withDetails;
  private byte[] text = new byte[INITIAL_MEMBERS * 24];

  /**
   * Where member {@code i}'s bytes lie: its id from {@code bounds[2i]} to {@code bounds[2i + 1]},
   * its login from there to {@code bounds[2i + 2]}, where the next member's id starts.
   */
  private int[] bounds = new int[2 * INITIAL_MEMBERS + 1];

  private long[] hashes;
  private int size;

  /** Member position + 1 per slot; 0 is an empty slot. Never more than half full. */
  private int[] slots = new int[2 * INITIAL_MEMBERS];

  private final BitSet seen = new BitSet();

  private MemberTable(boolean withDetails) {
    this.withDetails = withDetails;
    this.hashes = new long[withDetails ? INITIAL_MEMBERS * Fingerprinter.SIZE : 0];
  }

  /** Returns an empty table for members with logins and fingerprints. */
  static MemberTable withDetails() {
    return new MemberTable(true);
  }

  /** Returns an empty table that only keeps ids. */
  static MemberTable idsOnly() {
    return new MemberTable(false);
  }

  int size() {
    return size;
  }

  /**
   * Adds a member.
   *
   * @param id the id's UTF-8 bytes
   * @param login the login's UTF-8 bytes; ignored by an ids-only table
   * @param fingerprint the {@link Fingerprinter#SIZE} hashes; ignored by an ids-only table
   * @return whether it was added: {@code false} when the id is already present
   */
  boolean add(byte[] id, byte[] login, long[] fingerprint) {
    int hash = hash(id);
    int slot = find(id, hash);
    if (slots[slot] != 0) {
      return false;
    }
    int extra = withDetails ? login.length : 0;
    ensureCapacity(id.length + extra);
    int start = bounds[2 * size];
    System.arraycopy(id, 0, text, start, id.length);
    bounds[2 * size + 1] = start + id.length;
    if (withDetails) {
      System.arraycopy(login, 0, text, start + id.length, login.length);
      System.arraycopy(fingerprint, 0, hashes, size * Fingerprinter.SIZE, Fingerprinter.SIZE);
    }
    bounds[2 * size + 2] = start + id.length + extra;
    slots[slot] = ++size;
    if (2 * size > slots.length) {
      rehash(2 * slots.length);
    }
    return true;
  }

  /**
   * Finds a member.
   *
   * @param id the id's UTF-8 bytes
   * @return the member's position, or -1 when absent
   */
  int indexOf(byte[] id) {
    return slots[find(id, hash(id))] - 1;
  }

  String id(int member) {
    return string(bounds[2 * member], bounds[2 * member + 1]);
  }

  String login(int member) {
    return string(bounds[2 * member + 1], bounds[2 * member + 2]);
  }

  boolean loginEquals(int member, byte[] login) {
    return Arrays.equals(
        text, bounds[2 * member + 1], bounds[2 * member + 2], login, 0, login.length);
  }

  long hash(int member, int field) {
    return hashes[member * Fingerprinter.SIZE + field];
  }

  /**
   * Marks a member as seen in the current listing.
   *
   * @return {@code false} when it was already marked
   */
  boolean markSeen(int member) {
    if (seen.get(member)) {
      return false;
    }
    seen.set(member);
    return true;
  }

  boolean seen(int member) {
    return seen.get(member);
  }

  private String string(int from, int to) {
    return new String(text, from, to - from, StandardCharsets.UTF_8);
  }

  private int find(byte[] id, int hash) {
    int mask = slots.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int entry = slots[slot];
      if (entry == 0) {
        return slot;
      }
      int member = entry - 1;
      if (Arrays.equals(text, bounds[2 * member], bounds[2 * member + 1], id, 0, id.length)) {
        return slot;
      }
    }
  }

  private void ensureCapacity(int bytes) {
    int end = bounds[2 * size];
    if (end + bytes > text.length) {
      text = Arrays.copyOf(text, grow(text.length, end + bytes));
    }
    if (2 * size + 3 > bounds.length) {
      bounds = Arrays.copyOf(bounds, grow(bounds.length, 2 * size + 3));
    }
    if (withDetails && (size + 1) * Fingerprinter.SIZE > hashes.length) {
      hashes = Arrays.copyOf(hashes, grow(hashes.length, (size + 1) * Fingerprinter.SIZE));
    }
  }

  /** Grows by half, as {@code ArrayList} does, so a large table wastes at most a third. */
  private static int grow(int current, int needed) {
    long proposed = Math.max((long) needed, current + (current >> 1));
    if (proposed > Integer.MAX_VALUE - 8) {
      if (needed > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("a snapshot this large does not fit in one table");
      }
      proposed = Integer.MAX_VALUE - 8;
    }
    return (int) proposed;
  }

  private void rehash(int capacity) {
    int[] old = slots;
    slots = new int[capacity];
    int mask = capacity - 1;
    for (int entry : old) {
      if (entry != 0) {
        int member = entry - 1;
        int slot = hash(text, bounds[2 * member], bounds[2 * member + 1]) & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = entry;
      }
    }
  }

  private static int hash(byte[] id) {
    return hash(id, 0, id.length);
  }

  /** FNV-1a over the bytes, then MurmurHash3's finalizer to spread the low bits. */
  private static int hash(byte[] bytes, int from, int to) {
    int h = 0x811C9DC5;
    for (int i = from; i < to; i++) {
      h = (h ^ (bytes[i] & 0xFF)) * 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return h;
  }
}
