package org.workforceiam.entra;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;

/**
 * What {@link EntraClient#check(GroupId)} found: whether the app gets a token, which application
 * permissions the token's {@code roles} grant against those this SDK needs, whether the group can
 * be read and how many members its first page holds, and when the certificate expires.
 *
 * <pre>{@code
 * EntraConnectionCheck check = entra.check(GroupId.of("02bd9fd6-8f93-4758-87c3-1fb73740a315"));
 * if (!check.ok()) {
 *   check.problems().forEach(log::error);   // e.g. a missing permission, an empty group
 * }
 * check.warnings().forEach(log::warn);      // e.g. a certificate that expires within 30 days
 * }</pre>
 *
 * <p>Immutable.
 */
public final class EntraConnectionCheck {
  private final String tenantId;
  private final Optional<String> tokenType;
  private final List<String> scopesRequested;
  private final List<String> scopesGranted;
  private final List<String> missingPermissions;
  private final GroupId groupId;
  private final boolean groupReadable;
  private final OptionalInt firstPageCount;
  private final Optional<Instant> certificateExpiresAt;
  private final List<String> problems;
  private final List<String> warnings;
  private final Optional<IamException> failure;

  private EntraConnectionCheck(Builder b) {
    this.tenantId = Objects.requireNonNull(b.tenantId, "tenantId == null");
    this.tokenType = Optional.ofNullable(b.tokenType);
    this.scopesRequested = List.copyOf(b.scopesRequested);
    this.scopesGranted = List.copyOf(b.scopesGranted);
    this.missingPermissions = List.copyOf(b.missingPermissions);
    this.groupId = Objects.requireNonNull(b.groupId, "groupId == null");
    this.groupReadable = b.groupReadable;
    this.firstPageCount =
        b.firstPageCount == null ? OptionalInt.empty() : OptionalInt.of(b.firstPageCount);
    this.certificateExpiresAt = Optional.ofNullable(b.certificateExpiresAt);
    this.problems = List.copyOf(b.problems);
    this.warnings = List.copyOf(b.warnings);
    this.failure = Optional.ofNullable(b.failure);
  }

  /** {@return the configured tenant id or domain} */
  public String tenantId() {
    return tenantId;
  }

  /** {@return {@code Bearer}, when a token was issued} */
  public Optional<String> tokenType() {
    return tokenType;
  }

  /**
   * {@return the application permissions this SDK needs ({@link EntraClient#REQUIRED_PERMISSIONS})}
   */
  public List<String> scopesRequested() {
    return scopesRequested;
  }

  /** {@return the application permissions the token grants (its {@code roles} claim)} */
  public List<String> scopesGranted() {
    return scopesGranted;
  }

  /** {@return the required permissions the token does not grant; empty when none is missing} */
  public List<String> missingPermissions() {
    return missingPermissions;
  }

  /** {@return the group checked} */
  public GroupId groupId() {
    return groupId;
  }

  /** {@return whether the group could be read} */
  public boolean groupReadable() {
    return groupReadable;
  }

  /** {@return how many members the first page held, when it could be read} */
  public OptionalInt firstPageCount() {
    return firstPageCount;
  }

  /** {@return when the configured certificate expires; empty for a client secret} */
  public Optional<Instant> certificateExpiresAt() {
    return certificateExpiresAt;
  }

  /** {@return what is wrong, each with its fix, in the order found; empty when all is well} */
  public List<String> problems() {
    return problems;
  }

  /** {@return what will go wrong soon, such as a certificate expiring within 30 days} */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * {@return the error of the call that failed (the token request, or reading the group), also
   * listed in {@link #problems()}; its kind tells what to do next}
   */
  public Optional<IamException> failure() {
    return failure;
  }

  /**
   * Returns whether everything worked; warnings do not count.
   *
   * @return {@code true} when there are no problems
   */
  public boolean ok() {
    return problems.isEmpty();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof EntraConnectionCheck that)) {
      return false;
    }
    return tenantId.equals(that.tenantId)
        && tokenType.equals(that.tokenType)
        && scopesRequested.equals(that.scopesRequested)
        && scopesGranted.equals(that.scopesGranted)
        && missingPermissions.equals(that.missingPermissions)
        && groupId.equals(that.groupId)
        && groupReadable == that.groupReadable
        && firstPageCount.equals(that.firstPageCount)
        && certificateExpiresAt.equals(that.certificateExpiresAt)
        && problems.equals(that.problems)
        && warnings.equals(that.warnings)
        && failure.equals(that.failure);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        tenantId,
        tokenType,
        scopesRequested,
        scopesGranted,
        missingPermissions,
        groupId,
        groupReadable,
        firstPageCount,
        certificateExpiresAt,
        problems,
        warnings,
        failure);
  }

  @Override
  public String toString() {
    return "EntraConnectionCheck[tenantId="
        + tenantId
        + ", tokenType="
        + tokenType
        + ", scopesGranted="
        + scopesGranted
        + ", missingPermissions="
        + missingPermissions
        + ", groupId="
        + groupId
        + ", groupReadable="
        + groupReadable
        + ", firstPageCount="
        + firstPageCount
        + ", certificateExpiresAt="
        + certificateExpiresAt
        + ", problems="
        + problems
        + ", warnings="
        + warnings
        + "]";
  }

  /** Collects the findings; package-private: callers receive the value. */
  static final class Builder {
    private final String tenantId;
    private final GroupId groupId;
    private @Nullable String tokenType;
    private List<String> scopesRequested = List.of();
    private List<String> scopesGranted = List.of();
    private List<String> missingPermissions = List.of();
    private boolean groupReadable;
    private @Nullable Integer firstPageCount;
    private @Nullable Instant certificateExpiresAt;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private @Nullable IamException failure;

    Builder(String tenantId, GroupId groupId) {
      this.tenantId = tenantId;
      this.groupId = groupId;
    }

    Builder tokenType(String type) {
      this.tokenType = type;
      return this;
    }

    Builder scopes(List<String> requested, List<String> granted, List<String> missing) {
      this.scopesRequested = requested;
      this.scopesGranted = granted;
      this.missingPermissions = missing;
      return this;
    }

    Builder groupReadable(boolean readable) {
      this.groupReadable = readable;
      return this;
    }

    Builder firstPageCount(int count) {
      this.firstPageCount = count;
      return this;
    }

    Builder certificateExpiresAt(@Nullable Instant expiresAt) {
      this.certificateExpiresAt = expiresAt;
      return this;
    }

    Builder problem(String problem) {
      problems.add(problem);
      return this;
    }

    Builder warning(String warning) {
      warnings.add(warning);
      return this;
    }

    Builder failure(IamException e) {
      this.failure = e;
      problems.add(e.getMessage());
      return this;
    }

    EntraConnectionCheck build() {
      return new EntraConnectionCheck(this);
    }
  }
}
