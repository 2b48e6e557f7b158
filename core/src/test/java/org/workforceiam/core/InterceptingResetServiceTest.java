package org.workforceiam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class InterceptingResetServiceTest {
  private static final UserId ADA = UserId.of("00u1Ada");

  /** A provider that records what reached it. */
  private static final class Provider implements ResetService {
    final List<Operation> reached = new ArrayList<>();

    @Override
    public Capabilities capabilities() {
      return TestCapabilities.everything();
    }

    @Override
    public ResetResult.Password resetPassword(UserId user, PasswordReset request) {
      reached.add(request.operation());
      return ResetResult.Password.of(
          user,
          request.operation(),
          Optional.empty(),
          false,
          Optional.empty(),
          false,
          Optional.of("req-1"));
    }

    @Override
    public ResetResult.Mfa resetMfa(UserId user, MfaReset request) {
      reached.add(request.operation());
      return ResetResult.Mfa.of(user, request.operation(), List.of(), Optional.empty());
    }

    @Override
    public ResetResult.Unlock unlock(UserId user) {
      reached.add(Operation.UNLOCK);
      return ResetResult.Unlock.of(user, EmployeeStatus.ACTIVE, Optional.empty());
    }

    @Override
    public ResetResult.Sessions revokeSessions(UserId user, SessionRevocation request) {
      reached.add(Operation.REVOKE_SESSIONS);
      return ResetResult.Sessions.of(user, Set.of(), Optional.empty());
    }

    @Override
    public ResetResult.AccessPass issueTemporaryAccessPass(
        UserId user, TemporaryAccessPass request) {
      reached.add(Operation.ISSUE_TEMPORARY_ACCESS_PASS);
      return ResetResult.AccessPass.of(
          user,
          Secret.of("pass"),
          request.lifetime(),
          request.usableOnce(),
          Optional.empty(),
          Optional.empty());
    }
  }

  @Test
  void everyMethodOfTheInterfaceIsDispatchedSoALaterDefaultMethodCannotBypassTheInterceptor() {
    List<String> inherited = new ArrayList<>();
    for (Method method : ResetService.class.getMethods()) {
      if (Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      boolean declared =
          Arrays.stream(InterceptingResetService.class.getDeclaredMethods())
              .anyMatch(
                  m ->
                      m.getName().equals(method.getName())
                          && Arrays.equals(m.getParameterTypes(), method.getParameterTypes()));
      if (!declared) {
        inherited.add(method.getName() + Arrays.toString(method.getParameterTypes()));
      }
    }
    assertThat(inherited)
        .as("ResetService methods InterceptingResetService does not route through the interceptor")
        .isEmpty();
  }

  @Test
  void everyChangeReachesTheInterceptorWithItsUserOperationAndOptions() {
    List<ResetService.Change> seen = new ArrayList<>();
    Provider provider = new Provider();
    ResetService.Interceptor recording =
        new ResetService.Interceptor() {
          @Override
          public <T> T intercept(ResetService.Change change, Supplier<T> proceed) {
            seen.add(change);
            return proceed.get();
          }
        };
    ResetService service = ResetService.intercepted(provider, recording);

    service.resetPassword(ADA, PasswordReset.link().withRevokeSessions(true));
    service.resetMfa(ADA, MfaReset.allFactors());
    service.unlock(ADA);
    service.revokeSessions(ADA, SessionRevocation.sessionsOnly());
    service.issueTemporaryAccessPass(ADA, TemporaryAccessPass.usableOnce(Duration.ofHours(1)));

    assertThat(seen)
        .extracting(ResetService.Change::operation)
        .containsExactly(
            Operation.RESET_PASSWORD_LINK,
            Operation.RESET_ALL_FACTORS,
            Operation.UNLOCK,
            Operation.REVOKE_SESSIONS,
            Operation.ISSUE_TEMPORARY_ACCESS_PASS);
    assertThat(seen).allSatisfy(change -> assertThat(change.user()).isEqualTo(ADA));
    assertThat(seen.get(0).options()).containsExactly(OperationOption.REVOKE_SESSIONS);
    assertThat(seen).allSatisfy(change -> assertThat(change.factor()).isEmpty());

    service.resetMfa(ADA, MfaReset.factor(FactorId.of("sms1")));
    assertThat(seen.get(5).factor()).contains(FactorId.of("sms1"));
    assertThat(provider.reached).hasSize(6);
  }

  @Test
  void aServiceWithoutTemporaryAccessPassesRefusesThemThroughTheInterceptorToo() {
    ResetService withoutPasses =
        new ResetService() {
          @Override
          public Capabilities capabilities() {
            return Capabilities.builder().operation(Operation.UNLOCK).build();
          }

          @Override
          public ResetResult.Password resetPassword(UserId user, PasswordReset request) {
            throw new AssertionError();
          }

          @Override
          public ResetResult.Mfa resetMfa(UserId user, MfaReset request) {
            throw new AssertionError();
          }

          @Override
          public ResetResult.Unlock unlock(UserId user) {
            throw new AssertionError();
          }

          @Override
          public ResetResult.Sessions revokeSessions(UserId user, SessionRevocation request) {
            throw new AssertionError();
          }
        };
    List<ResetService.Change> seen = new ArrayList<>();
    ResetService service =
        ResetService.intercepted(
            withoutPasses,
            new ResetService.Interceptor() {
              @Override
              public <T> T intercept(ResetService.Change change, Supplier<T> proceed) {
                seen.add(change);
                return proceed.get();
              }
            });
    TemporaryAccessPass pass = TemporaryAccessPass.usableOnce(Duration.ofMinutes(60));

    for (ResetService each : List.of(withoutPasses, service)) {
      assertThatThrownBy(() -> each.issueTemporaryAccessPass(ADA, pass))
          .isInstanceOf(IamException.OperationNotSupported.class)
          .hasMessage(
              "this provider does not support ISSUE_TEMPORARY_ACCESS_PASS; it supports [UNLOCK];"
                  + " nothing was sent");
    }
    assertThat(seen)
        .extracting(ResetService.Change::operation)
        .containsExactly(Operation.ISSUE_TEMPORARY_ACCESS_PASS);
  }

  @Test
  void aRefusingInterceptorKeepsTheChangeFromTheProvider() {
    Provider provider = new Provider();
    ResetService.Interceptor refusing =
        new ResetService.Interceptor() {
          @Override
          public <T> T intercept(ResetService.Change change, Supplier<T> proceed) {
            throw new IamException.PermissionDenied(
                IamException.PermissionDenied.Reason.OUTSIDE_GROUP, "no", ErrorDetails.none());
          }
        };
    ResetService service = ResetService.intercepted(provider, refusing);

    assertThatThrownBy(() -> service.unlock(ADA)).isInstanceOf(IamException.PermissionDenied.class);
    assertThat(provider.reached).isEmpty();
    assertThat(service.capabilities()).isEqualTo(TestCapabilities.everything());
  }

  @Test
  void theChangeCarriesTheProvidersCapabilitiesAndNoSecret() {
    ResetService.Change change =
        ResetService.Change.of(
            ADA, Operation.SET_TEMPORARY_PASSWORD, Set.of(), TestCapabilities.everything());
    assertThat(change.capabilities()).isEqualTo(TestCapabilities.everything());
    assertThat(change.toString()).contains("00u1Ada").contains("SET_TEMPORARY_PASSWORD");
  }
}
