package org.workforceiam.entra.simulator;

/**
 * The built-in Microsoft Entra directory roles the simulated tenant knows, with the role template
 * ids Microsoft publishes ("Microsoft Entra built-in roles"; each id is the same in every tenant).
 * The simulator uses them for users' active and eligible roles and for the app's own role, which
 * decides whose password the app may set.
 */
public enum DirectoryRole {
  /** Global Administrator: every administrative permission. */
  GLOBAL_ADMINISTRATOR("Global Administrator", "62e90394-69f5-4237-9190-012177145e10"),
  /** Privileged Role Administrator: manages role assignments and PIM. */
  PRIVILEGED_ROLE_ADMINISTRATOR(
      "Privileged Role Administrator", "e8611ab8-c189-46e8-94e1-60213ab1f814"),
  /** Privileged Authentication Administrator: resets credentials of any user, admins included. */
  PRIVILEGED_AUTHENTICATION_ADMINISTRATOR(
      "Privileged Authentication Administrator", "7be44c8a-adaf-4e2a-84d6-ab2649e08a13"),
  /** Authentication Administrator: resets credentials of non-admins and some admins. */
  AUTHENTICATION_ADMINISTRATOR(
      "Authentication Administrator", "c4e39bd9-1100-46d3-8c65-fb160da0071f"),
  /** User Administrator: manages users and resets passwords of non-admins. */
  USER_ADMINISTRATOR("User Administrator", "fe930be7-5e62-47db-91af-98c3a49a38b1"),
  /** Helpdesk Administrator: resets passwords of non-admins. */
  HELPDESK_ADMINISTRATOR("Helpdesk Administrator", "729827e3-9c14-49f7-bb1b-9608f156bbb8"),
  /** Password Administrator: resets passwords of non-admins. */
  PASSWORD_ADMINISTRATOR("Password Administrator", "966707d0-3269-4727-9be2-8c3a10f19b9d"),
  /** Security Administrator. */
  SECURITY_ADMINISTRATOR("Security Administrator", "194ae4cb-b126-40b2-bd5b-6091b380977d"),
  /** Global Reader: reads everything a Global Administrator can. */
  GLOBAL_READER("Global Reader", "f2ef992c-3afb-46b9-b7cf-a126ee74c451"),
  /** Directory Readers: reads basic directory information. */
  DIRECTORY_READERS("Directory Readers", "88d8e3e3-8f55-4a1e-953a-9b9898b8876b");

  private final String displayName;
  private final String templateId;

  DirectoryRole(String displayName, String templateId) {
    this.displayName = displayName;
    this.templateId = templateId;
  }

  /**
   * Returns the role's display name, as Graph shows it.
   *
   * @return the display name, such as {@code Global Administrator}
   */
  public String displayName() {
    return displayName;
  }

  /**
   * Returns the role template id, which Graph also uses as the {@code roleDefinitionId} of the
   * role's assignments and eligibilities.
   *
   * @return the template id, a GUID
   */
  public String templateId() {
    return templateId;
  }

  /**
   * Whether the role lets an app set the password of a user who holds a directory role: only
   * Privileged Authentication Administrator and Global Administrator may (Microsoft's "Who can
   * reset passwords" table; the simulator applies this rule to every role a user may hold, which is
   * stricter than Microsoft's table for a few low-privilege reader roles).
   */
  boolean resetsAdminPasswords() {
    return this == PRIVILEGED_AUTHENTICATION_ADMINISTRATOR || this == GLOBAL_ADMINISTRATOR;
  }

  /** Whether the role lets an app set the password of a user who holds no directory role. */
  boolean resetsUserPasswords() {
    return resetsAdminPasswords()
        || this == AUTHENTICATION_ADMINISTRATOR
        || this == USER_ADMINISTRATOR
        || this == HELPDESK_ADMINISTRATOR
        || this == PASSWORD_ADMINISTRATOR;
  }
}
