package org.workforceiam.jdbc;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.workforceiam.core.contract.SnapshotStoreContract;
import org.workforceiam.core.sync.SnapshotStore;

/** The PostgreSQL store keeps the promises of every snapshot store, on a real server. */
class PostgresSnapshotStoreContractTest extends SnapshotStoreContract {
  private static DataSource dataSource;
  private static String schema;
  private static PostgresSnapshotStore store;

  @BeforeAll
  static void createSchema() {
    dataSource = PostgresTestDatabase.dataSource();
    schema = PostgresTestDatabase.newSchema("contract");
    store =
        PostgresSnapshotStore.builder(dataSource).schema(schema).fetchSize(2).batchSize(3).build();
    store.migrate();
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    if (store != null) {
      PostgresTestDatabase.dropSchema(dataSource, schema);
    }
  }

  @Override
  protected SnapshotStore store() {
    return store;
  }
}
