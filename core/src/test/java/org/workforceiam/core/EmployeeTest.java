package org.workforceiam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmployeeTest {
  private static final UserId ADA = UserId.of("00u1Ada");
  private static final Instant UPDATED = Instant.parse("2026-01-15T10:00:00Z");

  private static Employee.Builder ada() {
    return Employee.builder(ADA, "ada@example.com")
        .firstName("Ada")
        .lastName("Lovelace")
        .email("ada@example.com");
  }

  private static Employee create(EmployeeStatus status, String providerStatus) {
    return new Employee(
        ADA,
        "ada@example.com",
        Optional.of("Ada"),
        Optional.of("Lovelace"),
        Optional.of("ada@example.com"),
        status,
        providerStatus,
        Optional.empty(),
        Map.of());
  }

  @Test
  void builderKeepsEveryValue() {
    Employee ada = ada().status(EmployeeStatus.LOCKED_OUT).lastUpdated(UPDATED).build();
    assertThat(ada.id()).isEqualTo(ADA);
    assertThat(ada.login()).isEqualTo("ada@example.com");
    assertThat(ada.firstName()).contains("Ada");
    assertThat(ada.lastName()).contains("Lovelace");
    assertThat(ada.email()).contains("ada@example.com");
    assertThat(ada.status()).isEqualTo(EmployeeStatus.LOCKED_OUT);
    assertThat(ada.providerStatus()).isEqualTo("LOCKED_OUT");
    assertThat(ada.lastUpdated()).contains(UPDATED);
  }

  @Test
  void builderStartsActiveWithNothingOptionalSet() {
    Employee bare = Employee.builder(ADA, "ada").build();
    assertThat(bare.status()).isEqualTo(EmployeeStatus.ACTIVE);
    assertThat(bare.providerStatus()).isEqualTo("ACTIVE");
    assertThat(bare.firstName()).isEmpty();
    assertThat(bare.lastName()).isEmpty();
    assertThat(bare.email()).isEmpty();
    assertThat(bare.lastUpdated()).isEmpty();
    assertThat(bare.attributes()).isEmpty();
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void refusesNullIdAndLogin() {
    assertThatThrownBy(() -> Employee.builder(null, "ada"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id == null");
    assertThatThrownBy(() -> Employee.builder(ADA, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("login == null");
  }

  @Test
  void refusesBlankLoginNamingTheUser() {
    assertThatThrownBy(() -> Employee.builder(ADA, " \t").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("login of user 00u1Ada must not be blank");
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void refusesNullOptionalsPointingToOptionalEmpty() {
    assertThatThrownBy(
            () ->
                new Employee(
                    ADA,
                    "ada",
                    null,
                    Optional.empty(),
                    Optional.empty(),
                    EmployeeStatus.ACTIVE,
                    "ACTIVE",
                    Optional.empty(),
                    Map.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("firstName == null (use Optional.empty())");
    assertThatThrownBy(
            () ->
                new Employee(
                    ADA,
                    "ada",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    EmployeeStatus.ACTIVE,
                    "ACTIVE",
                    null,
                    Map.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("lastUpdated == null (use Optional.empty())");
  }

  @Test
  void theProvidersWordIsKeptWhateverStatusItMapsTo() {
    Employee disabled = create(EmployeeStatus.DISABLED, "accountEnabled=false");
    assertThat(disabled.status()).isEqualTo(EmployeeStatus.DISABLED);
    assertThat(disabled.providerStatus()).isEqualTo("accountEnabled=false");
    assertThat(create(EmployeeStatus.ACTIVE, "active").providerStatus())
        .as("a provider's spelling is kept, not replaced by the status's name")
        .isEqualTo("active");
    assertThat(create(EmployeeStatus.SUSPENDED, "SUSPENDED").status())
        .isEqualTo(EmployeeStatus.SUSPENDED);
  }

  @Test
  void unknownStatusKeepsAnyWordTheLibraryDoesNotKnow() {
    Employee employee = create(EmployeeStatus.UNKNOWN, "PENDING_USER_ACTION");
    assertThat(employee.status()).isEqualTo(EmployeeStatus.UNKNOWN);
    assertThat(employee.providerStatus()).isEqualTo("PENDING_USER_ACTION");
  }

  @Test
  void anAdapterMayCallAnyWordUnknownEvenTheNameOfAStatus() {
    Employee employee = create(EmployeeStatus.UNKNOWN, "LOCKED_OUT");
    assertThat(employee.status()).isEqualTo(EmployeeStatus.UNKNOWN);
    assertThat(employee.providerStatus()).isEqualTo("LOCKED_OUT");
  }

  @Test
  void builderSetsTheNormalisedStatusAndTheProvidersWordTogether() {
    Employee employee = ada().status(EmployeeStatus.DISABLED, "disabled").build();
    assertThat(employee.status()).isEqualTo(EmployeeStatus.DISABLED);
    assertThat(employee.providerStatus()).isEqualTo("disabled");
    assertThat(employee.toBuilder().build()).isEqualTo(employee);
    assertThat(ada().status(EmployeeStatus.UNKNOWN, "Archived").build().status())
        .isEqualTo(EmployeeStatus.UNKNOWN);
  }

  @Test
  void builderRefusesABlankProviderWordNamingTheUser() {
    assertThatThrownBy(() -> ada().status(EmployeeStatus.ACTIVE, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the provider's word for status ACTIVE of user 00u1Ada is blank");
  }

  @Test
  void statusWordDisabledIsTheDisabledStatus() {
    assertThat(EmployeeStatus.fromProviderValue("disabled")).isEqualTo(EmployeeStatus.DISABLED);
  }

  @Test
  void refusesBlankProviderStatus() {
    assertThatThrownBy(() -> create(EmployeeStatus.UNKNOWN, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("providerStatus of user 00u1Ada must not be blank");
    assertThatThrownBy(() -> ada().status("").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be blank");
  }

  @Test
  void statusFromTheProvidersWordMapsKnownWordsCaseInsensitively() {
    Employee employee = ada().status(" locked_out").build();
    assertThat(employee.status()).isEqualTo(EmployeeStatus.LOCKED_OUT);
    assertThat(employee.providerStatus()).isEqualTo("LOCKED_OUT");
  }

  @Test
  void statusFromAnUnknownWordIsUnknownKeepingTheRawWord() {
    Employee employee = ada().status("Pending_User_Action").build();
    assertThat(employee.status()).isEqualTo(EmployeeStatus.UNKNOWN);
    assertThat(employee.providerStatus()).isEqualTo("Pending_User_Action");
  }

  @Test
  void statusWordUnknownItselfIsKeptAsAnUnknownWord() {
    Employee employee = ada().status("UNKNOWN").build();
    assertThat(employee.status()).isEqualTo(EmployeeStatus.UNKNOWN);
    assertThat(employee.providerStatus()).isEqualTo("UNKNOWN");
  }

  @Test
  void aKnownStatusReplacesAnEarlierUnknownWord() {
    Employee employee = ada().status("NEW_STATUS").status(EmployeeStatus.STAGED).build();
    assertThat(employee.status()).isEqualTo(EmployeeStatus.STAGED);
    assertThat(employee.providerStatus()).isEqualTo("STAGED");
  }

  @Test
  void theUnknownStatusCannotBeSetWithoutTheProvidersWord() {
    assertThatThrownBy(() -> ada().status(EmployeeStatus.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use status(String)");
  }

  @Test
  void fromProviderValueKnowsEveryStatusCaseInsensitively() {
    for (EmployeeStatus status : EmployeeStatus.values()) {
      assertThat(EmployeeStatus.fromProviderValue(status.name().toLowerCase(Locale.ROOT)))
          .isEqualTo(status);
    }
    assertThat(EmployeeStatus.fromProviderValue("DEPROVISIONED "))
        .isEqualTo(EmployeeStatus.DEPROVISIONED);
    assertThat(EmployeeStatus.fromProviderValue("ACTIVATED")).isEqualTo(EmployeeStatus.UNKNOWN);
    assertThat(EmployeeStatus.fromProviderValue("")).isEqualTo(EmployeeStatus.UNKNOWN);
  }

  @Test
  void completeProfileMissesNothing() {
    Employee ada = ada().build();
    assertThat(ada.missingProfileFields()).isEmpty();
    assertThat(ada.hasCompleteProfile()).isTrue();
  }

  @Test
  void missingProfileFieldsNamesAbsentFieldsInOrder() {
    Employee bare = Employee.builder(ADA, "ada").build();
    assertThat(bare.missingProfileFields())
        .containsExactly(ProfileField.FIRST_NAME, ProfileField.LAST_NAME, ProfileField.EMAIL);
    assertThat(bare.hasCompleteProfile()).isFalse();
  }

  @Test
  void missingProfileFieldsCountsBlankAsMissing() {
    Employee blankish = ada().firstName("").lastName(" \t").build();
    assertThat(blankish.missingProfileFields())
        .containsExactly(ProfileField.FIRST_NAME, ProfileField.LAST_NAME);
    assertThat(blankish.firstName()).as("the blank value itself is kept").contains("");
  }

  @Test
  void missingProfileFieldsReportsAMissingEmailAlone() {
    assertThat(ada().email(null).build().missingProfileFields())
        .containsExactly(ProfileField.EMAIL);
    assertThat(ada().email("  ").build().missingProfileFields())
        .containsExactly(ProfileField.EMAIL);
  }

  @Test
  void missingProfileFieldsCannotBeChangedByTheCaller() {
    assertThatThrownBy(() -> ada().build().missingProfileFields().add(ProfileField.EMAIL))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void profileFieldsHaveTheirAttributeNames() {
    assertThat(ProfileField.FIRST_NAME.attributeName()).isEqualTo("firstName");
    assertThat(ProfileField.LAST_NAME.attributeName()).isEqualTo("lastName");
    assertThat(ProfileField.EMAIL.attributeName()).isEqualTo("email");
  }

  @Test
  void attributesAreSortedByName() {
    Map<String, String> unsorted = new LinkedHashMap<>();
    unsorted.put("title", "Countess");
    unsorted.put("department", "Engineering");
    unsorted.put("costCenter", "42");
    Employee ada = ada().attributes(unsorted).build();
    assertThat(ada.attributes().keySet()).containsExactly("costCenter", "department", "title");
  }

  @Test
  void attributesAreACopyThatCannotBeChanged() {
    Map<String, String> source = new HashMap<>();
    source.put("department", "Engineering");
    Employee ada =
        new Employee(
            ADA,
            "ada",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            EmployeeStatus.ACTIVE,
            "ACTIVE",
            Optional.empty(),
            source);
    source.put("department", "Sales");
    source.put("title", "Countess");
    assertThat(ada.attributes()).containsExactly(Map.entry("department", "Engineering"));
    assertThatThrownBy(() -> ada.attributes().put("title", "Countess"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void laterAttributeReplacesEarlierOfTheSameName() {
    Employee ada = ada().attribute("title", "Miss").attribute("title", "Countess").build();
    assertThat(ada.attributes()).containsExactly(Map.entry("title", "Countess"));
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void refusesNullAttributeNamesAndValues() {
    assertThatThrownBy(() -> ada().attribute(null, "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name == null");
    assertThatThrownBy(() -> ada().attribute("title", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value of attribute title == null");
    Map<String, String> withNullValue = new HashMap<>();
    withNullValue.put("title", null);
    assertThatThrownBy(
            () ->
                new Employee(
                    ADA,
                    "ada",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    EmployeeStatus.ACTIVE,
                    "ACTIVE",
                    Optional.empty(),
                    withNullValue))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value of attribute title of user 00u1Ada == null");
  }

  @Test
  void toBuilderDerivesAChangedCopyKeepingEverythingElse() {
    Employee original =
        ada().status("PENDING_USER_ACTION").lastUpdated(UPDATED).attribute("title", "C").build();
    assertThat(original.toBuilder().build()).isEqualTo(original);
    Employee locked = original.toBuilder().status(EmployeeStatus.LOCKED_OUT).build();
    assertThat(locked.status()).isEqualTo(EmployeeStatus.LOCKED_OUT);
    assertThat(locked.providerStatus()).isEqualTo("LOCKED_OUT");
    assertThat(locked.attributes()).isEqualTo(original.attributes());
    assertThat(locked.lastUpdated()).contains(UPDATED);
    assertThat(original.status()).isEqualTo(EmployeeStatus.UNKNOWN);
  }
}
