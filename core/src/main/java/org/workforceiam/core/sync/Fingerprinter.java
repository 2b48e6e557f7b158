package org.workforceiam.core.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import org.workforceiam.core.Employee;

/**
 * Turns the compared fields of an employee, except the login, into salted 64-bit hashes, so a
 * snapshot can tell which field changed without holding names or email addresses.
 *
 * <p>A field's hash is the first 8 bytes (big-endian) of SHA-256 over the snapshot's salt, the
 * field's tag byte and the value's UTF-8 bytes; an absent value hashes to 0. The salt is random per
 * snapshot lineage (made at the first sync, carried over by each later one), so the same email
 * hashes differently in two installations and a precomputed table of hashed addresses does not
 * apply. The status is hashed as the provider's word for it ({@link Employee#providerStatus()}),
 * stripped and in upper case, whatever status it maps to: a change of the word is reported, and a
 * version of the library that maps a word differently does not report every member as changed.
 * Snapshots written before the provider's word was kept apart from the status (when a known status
 * always had its name as the word) hash the same, so they read without reporting a change.
 *
 * <p>Not thread-safe: one per run.
 */
final class Fingerprinter {
  /** How many hashes a fingerprint holds. */
  static final int SIZE = 4;

  /** The compared fields whose hashes a fingerprint holds, by position. */
  static final EmployeeChange.Field[] HASHED_FIELDS = {
    EmployeeChange.Field.FIRST_NAME,
    EmployeeChange.Field.LAST_NAME,
    EmployeeChange.Field.EMAIL,
    EmployeeChange.Field.STATUS
  };

  static final int SALT_BYTES = 16;

  private static final byte[] TAGS = {'f', 'l', 'e', 's'};

  private final byte[] salt;
  private final MessageDigest sha256;

  Fingerprinter(byte[] salt) {
    if (salt.length != SALT_BYTES) {
      throw new IllegalArgumentException("salt must be " + SALT_BYTES + " bytes: " + salt.length);
    }
    this.salt = salt.clone();
    this.sha256 = sha256();
  }

  static byte[] newSalt() {
    byte[] salt = new byte[SALT_BYTES];
    new SecureRandom().nextBytes(salt);
    return salt;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  byte[] salt() {
    return salt.clone();
  }

  /**
   * Fills {@code into} with the employee's hashes, in {@link #HASHED_FIELDS} order.
   *
   * @param employee the employee
   * @param into an array of at least {@link #SIZE} longs
   */
  void fingerprint(Employee employee, long[] into) {
    into[0] = hash(0, employee.firstName());
    into[1] = hash(1, employee.lastName());
    into[2] = hash(2, employee.email());
    into[3] = hash(3, Optional.of(employee.providerStatus().strip().toUpperCase(Locale.ROOT)));
  }

  private long hash(int field, Optional<String> value) {
    if (value.isEmpty()) {
      return 0L;
    }
    sha256.update(salt);
    sha256.update(TAGS[field]);
    byte[] digest = sha256.digest(value.get().getBytes(StandardCharsets.UTF_8));
    long hash = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      hash = (hash << 8) | (digest[i] & 0xFF);
    }
    return hash;
  }
}
