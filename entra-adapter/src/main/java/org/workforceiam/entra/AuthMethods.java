package org.workforceiam.entra;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.Factor;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.IamException;

/**
 * Microsoft Graph's authentication method types: the collection through which each is deleted, and
 * the order in which an MFA reset deletes them.
 *
 * <p><b>Collections</b> (GRAPH-NOTES, "Authentication methods"; each type's v1.0 resource page): a
 * method is deleted with {@code DELETE /v1.0/users/{id}/authentication/{collection}/{methodId}};
 * {@code DELETE …/authentication/methods/{id}} is not routed by Graph (msgraph-sdk-powershell
 * #937). The eight types below are those this version knows; a method of another type (Graph adds
 * types from time to time, first in beta) is never deleted through a guessed collection: an MFA
 * reset reports it as not deleted. The password method cannot be deleted.
 *
 * <p><b>Order.</b> Graph refuses to delete the user's default MFA method while other methods remain
 * ({@code 400}, microsoft-graph-docs #14470), and a mobile phone while an alternate mobile phone
 * exists (phoneauthenticationmethod-delete). v1.0 has no call that names the default method (the
 * beta {@code signInPreferences} does), so the order is a guess that makes a refusal rare: methods
 * that cannot be a default MFA method, or rarely are, first (email, Temporary Access Pass, FIDO2,
 * Windows Hello, platform credentials), then the software OATH token, then Microsoft Authenticator,
 * then the phones: office, alternate mobile, and the mobile phone last. A method Graph still
 * refuses is tried again after the others ({@link EntraResets}).
 */
final class AuthMethods {
  /** The password method's fixed id (every user has it; it cannot be deleted). */
  static final String PASSWORD_ID = "28c10230-6103-485e-b985-444c60001490";

  /** The mobile phone's fixed id (phoneAuthenticationMethod). */
  static final String MOBILE_PHONE_ID = "3179e48a-750b-4051-897c-87b9720928f7";

  /** The alternate mobile phone's fixed id. */
  static final String ALTERNATE_MOBILE_PHONE_ID = "b6332ec1-7057-4abe-9331-3d72feddfe41";

  /** The office phone's fixed id. */
  static final String OFFICE_PHONE_ID = "e37fc753-ff3b-4958-9484-eaa9425c82bc";

  /** Type (the {@code @odata.type} without {@code #microsoft.graph.}) to collection. */
  static final Map<String, String> COLLECTIONS =
      Map.of(
          "emailAuthenticationMethod", "emailMethods",
          "temporaryAccessPassAuthenticationMethod", "temporaryAccessPassMethods",
          "fido2AuthenticationMethod", "fido2Methods",
          "windowsHelloForBusinessAuthenticationMethod", "windowsHelloForBusinessMethods",
          "platformCredentialAuthenticationMethod", "platformCredentialMethods",
          "softwareOathAuthenticationMethod", "softwareOathMethods",
          "microsoftAuthenticatorAuthenticationMethod", "microsoftAuthenticatorMethods",
          "phoneAuthenticationMethod", "phoneMethods");

  /** The order of the types in an MFA reset; phones are ordered among themselves by id. */
  private static final List<String> TYPE_ORDER =
      List.of(
          "emailAuthenticationMethod",
          "temporaryAccessPassAuthenticationMethod",
          "fido2AuthenticationMethod",
          "windowsHelloForBusinessAuthenticationMethod",
          "platformCredentialAuthenticationMethod",
          "softwareOathAuthenticationMethod",
          "microsoftAuthenticatorAuthenticationMethod",
          "phoneAuthenticationMethod");

  private static final List<String> PHONE_ORDER =
      List.of(OFFICE_PHONE_ID, ALTERNATE_MOBILE_PHONE_ID, MOBILE_PHONE_ID);

  private AuthMethods() {}

  /**
   * A method this adapter can delete: its id, type and collection.
   *
   * @param id the method's id, checked to have Graph's form
   * @param type the type, such as {@code phoneAuthenticationMethod}
   * @param collection the collection it is deleted through, such as {@code phoneMethods}
   */
  record Method(FactorId id, String type, String collection) {
    /** {@return the step's name in a partly applied reset: {@code collection/id}} */
    String step() {
      return collection + "/" + id.value();
    }
  }

  /**
   * A user's methods sorted for an MFA reset.
   *
   * @param deletable the methods to delete, in the order to try them
   * @param unknown methods of a type this version cannot delete, as listed
   */
  record Plan(List<Method> deletable, List<Factor> unknown) {}

  /**
   * Sorts a user's listed methods (without the password) for an MFA reset.
   *
   * @param listed the methods, as {@link EntraDirectory#factors} lists them
   * @return the plan
   * @throws IamException.ProtocolViolation when Graph listed a method id that is not of Graph's
   *     form
   */
  static Plan plan(List<Factor> listed) {
    List<Method> deletable = new ArrayList<>();
    List<Factor> unknown = new ArrayList<>();
    for (Factor factor : listed) {
      Optional<Method> method = method(factor);
      if (method.isPresent()) {
        deletable.add(method.get());
      } else {
        unknown.add(factor);
      }
    }
    deletable.sort(
        Comparator.comparingInt((Method m) -> TYPE_ORDER.indexOf(m.type()))
            .thenComparingInt(m -> PHONE_ORDER.indexOf(m.id().value())));
    return new Plan(List.copyOf(deletable), List.copyOf(unknown));
  }

  /**
   * Returns how a listed method is deleted.
   *
   * @param factor the method as listed
   * @return the method, or empty when its type has no collection this version knows
   * @throws IamException.ProtocolViolation when its id is not of Graph's form
   */
  static Optional<Method> method(Factor factor) {
    String collection = COLLECTIONS.get(factor.type());
    if (collection == null) {
      return Optional.empty();
    }
    try {
      EntraIds.requireMethod(factor.id());
    } catch (IllegalArgumentException e) {
      // Graph's bytes are not trusted: an id that could leave its path segment is never sent.
      throw new IamException.ProtocolViolation(
          "Microsoft Graph listed a " + factor.type() + " whose id is not of Graph's form",
          ErrorDetails.none(),
          e);
    }
    return Optional.of(new Method(factor.id(), factor.type(), collection));
  }
}
