package org.workforceiam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {
  private static final OperationOption FORGET_DEVICES =
      OperationOption.of("okta", "FORGET_DEVICES");
  private static final Capabilities LINK_AND_UNLOCK =
      Capabilities.builder()
          .operation(Operation.RESET_PASSWORD_LINK, OperationOption.SEND_EMAIL)
          .operation(Operation.UNLOCK)
          .build();

  @Test
  void supportsWhatWasDeclared() {
    assertThat(LINK_AND_UNLOCK.supports(Operation.RESET_PASSWORD_LINK)).isTrue();
    assertThat(LINK_AND_UNLOCK.supports(Operation.UNLOCK)).isTrue();
    assertThat(LINK_AND_UNLOCK.supports(Operation.RESET_PASSWORD_LINK, OperationOption.SEND_EMAIL))
        .isTrue();
    assertThat(LINK_AND_UNLOCK.supports(Operation.EXPIRE_PASSWORD)).isFalse();
    assertThat(
            LINK_AND_UNLOCK.supports(
                Operation.RESET_PASSWORD_LINK, OperationOption.REVOKE_SESSIONS))
        .isFalse();
    assertThat(LINK_AND_UNLOCK.supports(Operation.EXPIRE_PASSWORD, OperationOption.SEND_EMAIL))
        .isFalse();
  }

  @Test
  void requirePassesForASupportedOperationAndOptions() {
    assertThatCode(
            () ->
                LINK_AND_UNLOCK.require(
                    Operation.RESET_PASSWORD_LINK, Set.of(OperationOption.SEND_EMAIL)))
        .doesNotThrowAnyException();
    assertThatCode(() -> LINK_AND_UNLOCK.require(Operation.UNLOCK, Set.of()))
        .doesNotThrowAnyException();
  }

  @Test
  void requireNamesTheUnsupportedOperationAndWhatIsSupported() {
    assertThatThrownBy(() -> LINK_AND_UNLOCK.require(Operation.RESET_ALL_FACTORS, Set.of()))
        .isInstanceOfSatisfying(
            IamException.OperationNotSupported.class,
            e -> {
              assertThat(e.isRetryable()).isFalse();
              assertThat(e.details()).isEqualTo(ErrorDetails.none());
            })
        .hasMessage(
            "this provider does not support RESET_ALL_FACTORS;"
                + " it supports [RESET_PASSWORD_LINK, UNLOCK]");
  }

  @Test
  void requireNamesEveryMissingOptionNeutralOnesFirst() {
    Capabilities sessionsOnly = Capabilities.builder().operation(Operation.REVOKE_SESSIONS).build();
    assertThatThrownBy(
            () ->
                sessionsOnly.require(
                    Operation.REVOKE_SESSIONS,
                    Set.of(FORGET_DEVICES, OperationOption.REVOKE_OAUTH_TOKENS)))
        .isInstanceOf(IamException.OperationNotSupported.class)
        .hasMessage(
            "this provider does not support REVOKE_SESSIONS with"
                + " [REVOKE_OAUTH_TOKENS, okta:FORGET_DEVICES]; options it supports with it: []");
    assertThatThrownBy(
            () ->
                LINK_AND_UNLOCK.require(
                    Operation.RESET_PASSWORD_LINK,
                    Set.of(OperationOption.SEND_EMAIL, OperationOption.REVOKE_SESSIONS)))
        .isInstanceOf(IamException.OperationNotSupported.class)
        .hasMessage(
            "this provider does not support RESET_PASSWORD_LINK with [REVOKE_SESSIONS];"
                + " options it supports with it: [SEND_EMAIL]");
  }

  @Test
  void anOptionOfAnotherProviderIsNotSupportedEvenUnderTheSameName() {
    Capabilities okta =
        Capabilities.builder().operation(Operation.REVOKE_SESSIONS, FORGET_DEVICES).build();
    OperationOption elsewhere = OperationOption.of("other", "FORGET_DEVICES");
    assertThat(okta.supports(Operation.REVOKE_SESSIONS, elsewhere)).isFalse();
    assertThatThrownBy(() -> okta.require(Operation.REVOKE_SESSIONS, Set.of(elsewhere)))
        .isInstanceOf(IamException.OperationNotSupported.class)
        .hasMessage(
            "this provider does not support REVOKE_SESSIONS with [other:FORGET_DEVICES];"
                + " options it supports with it: [okta:FORGET_DEVICES]");
  }

  @Test
  void anEmptyCapabilitySupportsNothing() {
    Capabilities none = Capabilities.builder().build();
    assertThat(none.operations()).isEmpty();
    assertThatThrownBy(() -> none.require(Operation.UNLOCK, Set.of()))
        .isInstanceOf(IamException.OperationNotSupported.class)
        .hasMessage("this provider does not support UNLOCK; it supports []");
  }

  @Test
  void builderMergesOptionsDeclaredTwice() {
    Capabilities capabilities =
        Capabilities.builder()
            .operation(Operation.REVOKE_SESSIONS, FORGET_DEVICES)
            .operation(Operation.REVOKE_SESSIONS, OperationOption.REVOKE_OAUTH_TOKENS)
            .build();
    assertThat(capabilities.operations().get(Operation.REVOKE_SESSIONS))
        .containsExactlyInAnyOrder(FORGET_DEVICES, OperationOption.REVOKE_OAUTH_TOKENS);
  }

  @Test
  void builtCapabilitiesDoNotChangeWhenTheBuilderGoesOn() {
    Capabilities.Builder builder = Capabilities.builder().operation(Operation.UNLOCK);
    Capabilities first = builder.build();
    builder
        .operation(Operation.UNLOCK, OperationOption.SEND_EMAIL)
        .operation(Operation.RESET_FACTOR);
    assertThat(first.operations()).containsOnlyKeys(Operation.UNLOCK);
    assertThat(first.operations().get(Operation.UNLOCK)).isEmpty();
  }

  @Test
  void operationsAreACopyThatCannotBeChanged() {
    Map<Operation, Set<OperationOption>> source = new HashMap<>();
    Set<OperationOption> options = new HashSet<>(Set.of(OperationOption.SEND_EMAIL));
    source.put(Operation.RESET_PASSWORD_LINK, options);
    Capabilities capabilities = new Capabilities(source);
    source.put(Operation.UNLOCK, Set.of());
    options.add(OperationOption.REVOKE_SESSIONS);
    assertThat(capabilities.operations()).containsOnlyKeys(Operation.RESET_PASSWORD_LINK);
    assertThat(capabilities.operations().get(Operation.RESET_PASSWORD_LINK))
        .containsExactly(OperationOption.SEND_EMAIL);
    assertThatThrownBy(() -> capabilities.operations().put(Operation.UNLOCK, Set.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    Set<OperationOption> linkOptions =
        capabilities.operations().getOrDefault(Operation.RESET_PASSWORD_LINK, Set.of());
    assertThat(linkOptions).containsExactly(OperationOption.SEND_EMAIL);
    assertThatThrownBy(() -> linkOptions.add(OperationOption.REVOKE_SESSIONS))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void capabilitiesWithTheSameContentAreEqual() {
    Map<Operation, Set<OperationOption>> map = new EnumMap<>(Operation.class);
    map.put(Operation.RESET_PASSWORD_LINK, Set.of(OperationOption.SEND_EMAIL));
    map.put(Operation.UNLOCK, Set.of());
    assertThat(new Capabilities(map)).isEqualTo(LINK_AND_UNLOCK);
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void refusesNullOperations() {
    assertThatThrownBy(() -> new Capabilities(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("operations == null");
  }
}
