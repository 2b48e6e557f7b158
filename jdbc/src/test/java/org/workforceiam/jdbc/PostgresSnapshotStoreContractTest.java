package org.workforceiam.jdbc;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.workforceiam.core.contract.SnapshotStoreContract;
import org.workforceiam.core.sync.SnapshotStore;

/**
 * The PostgreSQL store keeps the promises of every snapshot store, on a real server. Each test asks
 * for the server, so that without one every test is reported skipped, not the class silently.
 */
class PostgresSnapshotStoreContractTest extends SnapshotStoreContract {
  private static @Nullable DataSource dataSource;
  private static @Nullable String schema;
  private static @Nullable PostgresSnapshotStore store;

  @Override
  protected synchronized SnapshotStore store() {
    DataSource server = PostgresTestDatabase.dataSource();
    if (store == null) {
      dataSource = server;
      schema = PostgresTestDatabase.newSchema("contract");
      store =
          PostgresSnapshotStore.builder(server).schema(schema).fetchSize(2).batchSize(3).build();
      store.migrate();
    }
    return store;
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    if (dataSource != null && schema != null) {
      PostgresTestDatabase.dropSchema(dataSource, schema);
    }
  }
}
