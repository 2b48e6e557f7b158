package org.workforceiam.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the JDBC tests run against: a real one, never a mock. Configured by the
 * system properties {@code workforceiam.jdbc.url}, {@code .user} and {@code .password}, or else the
 * environment variables {@code WORKFORCEIAM_JDBC_URL}, {@code _USER} and {@code _PASSWORD} (which
 * keep the password off the command line; {@code .ci/postgres} prints them).
 *
 * <p>Without a configured server the tests are skipped (a JUnit assumption) and the reason is
 * printed once, so {@code mvn -B verify} works on any machine; in strict mode ({@code
 * -Dworkforceiam.strictJdbc=true}, as {@code .ci/run} builds) they fail instead. A server that is
 * configured but cannot be reached always fails them.
 */
final class PostgresTestDatabase {
  private static final String HOW =
      "Set WORKFORCEIAM_JDBC_URL (jdbc:postgresql://host:port/database), WORKFORCEIAM_JDBC_USER"
          + " and WORKFORCEIAM_JDBC_PASSWORD, or -Dworkforceiam.jdbc.url=…; see the README,"
          + " \"Testing the PostgreSQL store\".";
  static final String SKIPPED =
      "workforce-iam-jdbc: no PostgreSQL server configured, so the PostgreSQL store's tests are"
          + " SKIPPED. "
          + HOW;

  private static final AtomicBoolean WARNED = new AtomicBoolean();
  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  private PostgresTestDatabase() {}

  /** The configured server, or a skipped (strict mode: failed) test. */
  static DataSource dataSource() {
    String url = setting("workforceiam.jdbc.url", "WORKFORCEIAM_JDBC_URL");
    if (url.isEmpty()) {
      if (Boolean.parseBoolean(System.getProperty("workforceiam.strictJdbc", "false"))) {
        fail(
            "strict mode (-Dworkforceiam.strictJdbc=true): the PostgreSQL store's tests need a"
                + " server, and none is configured. "
                + HOW);
      }
      if (WARNED.compareAndSet(false, true)) {
        System.err.println("[WARNING] " + SKIPPED);
      }
      Assumptions.abort(SKIPPED);
    }
    Properties properties = new Properties();
    String user = setting("workforceiam.jdbc.user", "WORKFORCEIAM_JDBC_USER");
    if (!user.isEmpty()) {
      properties.setProperty("user", user);
    }
    String password = setting("workforceiam.jdbc.password", "WORKFORCEIAM_JDBC_PASSWORD");
    if (!password.isEmpty()) {
      properties.setProperty("password", password);
    }
    properties.setProperty("reWriteBatchedInserts", "true");
    properties.setProperty("ApplicationName", "workforce-iam-jdbc tests");
    return new DriverDataSource(url, properties);
  }

  /** Opens a new connection through the driver each time: the tests need no pool. */
  private record DriverDataSource(String url, Properties properties) implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url, properties);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      Properties withUser = new Properties();
      withUser.putAll(properties);
      withUser.setProperty("user", user);
      withUser.setProperty("password", password);
      return DriverManager.getConnection(url, withUser);
    }

    @Override
    public PrintWriter getLogWriter() {
      return DriverManager.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void setLoginTimeout(int seconds) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }

    @Override
    public String toString() {
      return "DriverDataSource{" + url + "}";
    }
  }

  /** A schema name no other test class or build uses; drop it with {@link #dropSchema}. */
  static String newSchema(String what) {
    return "wfi_test_"
        + what
        + "_"
        + ProcessHandle.current().pid()
        + "_"
        + SCHEMAS.incrementAndGet();
  }

  static void dropSchema(DataSource dataSource, String schema) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
    }
  }

  private static String setting(String property, String environment) {
    String value = System.getProperty(property, "");
    if (value.isBlank()) {
      value = System.getenv().getOrDefault(environment, "");
    }
    return value.strip();
  }
}
