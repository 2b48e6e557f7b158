package org.workforceiam.entra.simulator;

import org.jspecify.annotations.Nullable;

/**
 * A small, realistic tenant for demos and end-to-end tests, the same every time, and a generator of
 * large groups for benchmarks.
 *
 * <p>The demo tenant's employees group ({@link #EMPLOYEES}) holds six users directly or through its
 * nested group {@link #ENGINEERING}, and a device, a contact and a service principal (which a sync
 * must skip). Among the users: complete profiles, one without a mailbox ({@link #ALAN}, no {@code
 * mail}), one disabled ({@link #KATHERINE}), one Global Administrator ({@link #MARGARET}), one
 * eligible for Privileged Role Administrator through PIM ({@link #EDSGER}), one holding Helpdesk
 * Administrator through a role-assignable group ({@link #BARBARA}); a user outside the group
 * ({@link #LINUS}); and authentication methods of several types, each user with a default.
 *
 * <pre>{@code
 * try (SimulatedEntra entra = DemoTenant.builder().certificate(certificate).start()) {
 *   // tenant DemoTenant.TENANT_ID, app DemoTenant.CLIENT_ID, group DemoTenant.EMPLOYEES
 * }
 * }</pre>
 */
public final class DemoTenant {
  /** The demo tenant's id. */
  public static final String TENANT_ID = "d3e0a1b2-c4d5-4e6f-8a9b-0c1d2e3f4a5b";

  /** The demo app's client id. */
  public static final String CLIENT_ID = "c11e7a5e-1e1d-4e5a-9d3b-5a1e5de5c0de";

  /** The demo tenant's verified domain, also the users' domain. */
  public static final String DOMAIN = "contoso.example";

  /** The employees group: the group a helpdesk syncs and may act on. */
  public static final String EMPLOYEES = "e0000000-0000-4000-8000-000000000001";

  /** Engineering, nested in {@link #EMPLOYEES}. */
  public static final String ENGINEERING = "e0000000-0000-4000-8000-000000000002";

  /** A role-assignable group holding Helpdesk Administrator, outside {@link #EMPLOYEES}. */
  public static final String TIER1_HELPDESK = "e0000000-0000-4000-8000-000000000003";

  /** Ada Lovelace: phones (mobile is default), Authenticator, FIDO2; a direct member. */
  public static final String ADA = "a0000000-0000-4000-8000-000000000001";

  /** Grace Hopper: Authenticator (default), OATH token, email; in Engineering. */
  public static final String GRACE = "a0000000-0000-4000-8000-000000000002";

  /** Alan Turing: no mailbox ({@code mail} is null); mobile phone. */
  public static final String ALAN = "a0000000-0000-4000-8000-000000000003";

  /** Katherine Johnson: account disabled; in Engineering. */
  public static final String KATHERINE = "a0000000-0000-4000-8000-000000000004";

  /** Margaret Hamilton: an active Global Administrator; FIDO2 (default) and Authenticator. */
  public static final String MARGARET = "a0000000-0000-4000-8000-000000000005";

  /** Edsger Dijkstra: eligible for Privileged Role Administrator (PIM); in Engineering. */
  public static final String EDSGER = "a0000000-0000-4000-8000-000000000006";

  /** Barbara Liskov: Helpdesk Administrator through {@link #TIER1_HELPDESK}; Windows Hello. */
  public static final String BARBARA = "a0000000-0000-4000-8000-000000000007";

  /** Linus Outsider: a contractor outside {@link #EMPLOYEES}; mobile phone. */
  public static final String LINUS = "a0000000-0000-4000-8000-000000000008";

  /** A device in {@link #EMPLOYEES}. */
  public static final String DEVICE = "d0000000-0000-4000-8000-000000000001";

  /** An organizational contact in {@link #EMPLOYEES}. */
  public static final String CONTACT = "c0000000-0000-4000-8000-000000000001";

  /** A service principal in {@link #EMPLOYEES}. */
  public static final String SERVICE_PRINCIPAL = "50000000-0000-4000-8000-000000000001";

  /** The benchmark tenant's group, whose members are generated. */
  public static final String BENCH_GROUP = "b0000000-0000-4000-8000-000000000001";

  private DemoTenant() {}

  /**
   * Returns a new demo tenant's directory.
   *
   * @return the directory
   */
  public static EntraTenant directory() {
    EntraTenant tenant =
        new EntraTenant()
            .group(EMPLOYEES, "All Employees")
            .group(ENGINEERING, "Engineering")
            .roleAssignableGroup(TIER1_HELPDESK, "Tier 1 Helpdesk")
            .member(EMPLOYEES, ENGINEERING);
    person(tenant, ADA, "ada", "Ada", "Lovelace", true, true, EMPLOYEES);
    person(tenant, GRACE, "grace", "Grace", "Hopper", true, true, ENGINEERING);
    person(tenant, ALAN, "alan", "Alan", "Turing", false, true, EMPLOYEES);
    person(tenant, KATHERINE, "katherine", "Katherine", "Johnson", true, false, ENGINEERING);
    person(tenant, MARGARET, "margaret", "Margaret", "Hamilton", true, true, EMPLOYEES);
    person(tenant, EDSGER, "edsger", "Edsger", "Dijkstra", true, true, ENGINEERING);
    person(tenant, BARBARA, "barbara", "Barbara", "Liskov", true, true, EMPLOYEES);
    person(tenant, LINUS, "linus", "Linus", "Outsider", true, true, null);
    tenant
        .device(DEVICE, "ADA-LAPTOP")
        .member(EMPLOYEES, DEVICE)
        .contact(CONTACT, "Charles Babbage (supplier)", "charles@supplier.example")
        .member(EMPLOYEES, CONTACT)
        .servicePrincipal(
            SERVICE_PRINCIPAL, "Payroll Connector", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
        .member(EMPLOYEES, SERVICE_PRINCIPAL)
        .member(TIER1_HELPDESK, BARBARA)
        .activeRole(MARGARET, DirectoryRole.GLOBAL_ADMINISTRATOR)
        .eligibleRole(EDSGER, DirectoryRole.PRIVILEGED_ROLE_ADMINISTRATOR)
        .activeRole(TIER1_HELPDESK, DirectoryRole.HELPDESK_ADMINISTRATOR);
    tenant
        .method(ADA, AuthMethod.mobilePhone("+1 2065550101"))
        .method(ADA, AuthMethod.alternateMobilePhone("+1 2065550102"))
        .method(ADA, AuthMethod.authenticatorApp("a1000000-0000-4000-8000-000000000001", "Pixel 8"))
        .method(ADA, AuthMethod.fido2("Q2pTZWN1cml0eUtleUFkYQ", "YubiKey 5 NFC"))
        .defaultMethod(ADA, AuthMethod.MOBILE_PHONE_ID)
        .method(
            GRACE, AuthMethod.authenticatorApp("a1000000-0000-4000-8000-000000000002", "iPhone 15"))
        .method(GRACE, AuthMethod.softwareOath("a1000000-0000-4000-8000-000000000003"))
        .method(
            GRACE, AuthMethod.email("a1000000-0000-4000-8000-000000000004", "grace@home.example"))
        .defaultMethod(GRACE, "a1000000-0000-4000-8000-000000000002")
        .method(ALAN, AuthMethod.mobilePhone("+44 7700900103"))
        .defaultMethod(ALAN, AuthMethod.MOBILE_PHONE_ID)
        .method(MARGARET, AuthMethod.fido2("Q2pTZWN1cml0eUtleU1hcmdhcmV0", "YubiKey 5C"))
        .method(
            MARGARET,
            AuthMethod.authenticatorApp("a1000000-0000-4000-8000-000000000005", "Galaxy S24"))
        .defaultMethod(MARGARET, "Q2pTZWN1cml0eUtleU1hcmdhcmV0")
        .method(
            EDSGER, AuthMethod.authenticatorApp("a1000000-0000-4000-8000-000000000006", "Pixel 7"))
        .defaultMethod(EDSGER, "a1000000-0000-4000-8000-000000000006")
        .method(BARBARA, AuthMethod.windowsHello("V2luZG93c0hlbGxvQmFyYmFyYQ", "BARBARA-DESKTOP"))
        .method(BARBARA, AuthMethod.platformCredential("UGxhdGZvcm1CYXJiYXJh", "Barbara's MacBook"))
        .defaultMethod(BARBARA, "V2luZG93c0hlbGxvQmFyYmFyYQ")
        .method(LINUS, AuthMethod.mobilePhone("+1 4255550108"));
    return tenant;
  }

  private static void person(
      EntraTenant tenant,
      String id,
      String name,
      String givenName,
      String surname,
      boolean mailbox,
      boolean enabled,
      @Nullable String group) {
    String upn = name + "@" + DOMAIN;
    tenant.user(
        EntraUser.of(id, upn)
            .givenName(givenName)
            .surname(surname)
            .mail(mailbox ? upn : null)
            .jobTitle("Engineer")
            .accountEnabled(enabled)
            .property("department", "Engineering"));
    if (group != null) {
      tenant.member(group, id);
    }
  }

  /**
   * Returns a builder for the demo tenant: its tenant id, its domain, its app's client id (granted
   * every permission the adapter needs, holding Helpdesk Administrator) and a new {@link
   * #directory()}. Register the app's certificate or secret, then start it.
   *
   * @return the builder
   */
  public static SimulatedEntra.Builder builder() {
    return SimulatedEntra.builder()
        .tenantId(TENANT_ID)
        .verifiedDomain(DOMAIN)
        .clientId(CLIENT_ID)
        .tenant(directory());
  }

  /**
   * Returns a tenant whose group {@link #BENCH_GROUP} has {@code members} users made on demand as
   * pages are read and never stored, so a sync of 50,000 members costs the simulator a few
   * kilobytes: user {@code i} is {@link #benchUser(int)}.
   *
   * @param members how many members
   * @return the directory
   */
  public static EntraTenant bench(int members) {
    return new EntraTenant().generatedGroup(BENCH_GROUP, members, DemoTenant::benchUser);
  }

  /**
   * Returns the benchmark group's member at an index, the same every time: id {@code
   * 00000000-0000-4000-8000-<index in 12 hex digits>}, {@code user<index>@bench.example}; every
   * 25th has no mail and every 40th is disabled.
   *
   * @param index the index, from 0
   * @return the user
   */
  public static EntraUser benchUser(int index) {
    String upn = "user" + index + "@bench.example";
    return EntraUser.of(String.format("00000000-0000-4000-8000-%012x", index), upn)
        .givenName("Given" + index)
        .surname("Surname" + index)
        .mail(index % 25 == 24 ? null : upn)
        .accountEnabled(index % 40 != 39);
  }
}
