import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Local MongoDB-protocol server for development and CI (no mongod can be installed here).
 * mongo-java-server with its H2 MVStore backend, so data survives a restart of the process.
 * It reports MongoDB 5.0 so that current Node drivers accept its wire version.
 * The store keeps replaced chunks for MONGO_RETENTION_SECONDS (default 300) instead of MVStore's
 * 45 s: a cursor reads the version of the store it started on, and one that runs longer than the
 * retention (a snapshot stream or an export of 100,000 households) otherwise fails with
 * "Chunk N not found" once the writes of others have reused the chunks it still reads. The cost
 * is a file that grows by what is written within the retention before space is reused.
 * Usage: java -cp 'lib/*:classes' Launcher <host> <port> <data-file>
 */
public final class Launcher {
  /** How long replaced chunks stay readable, unless MONGO_RETENTION_SECONDS says otherwise. */
  private static final int DEFAULT_RETENTION_SECONDS = 300;

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: Launcher <host> <port> <data-file>");
      System.exit(2);
    }
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    Path dataFile = Path.of(args[2]).toAbsolutePath();
    Files.createDirectories(dataFile.getParent());

    MVStore store = new MVStore.Builder().fileName(dataFile.toString()).open();
    String retention = System.getenv("MONGO_RETENTION_SECONDS");
    store.setRetentionTime(
        1000 * (retention == null || retention.isBlank()
            ? DEFAULT_RETENTION_SECONDS
            : Integer.parseInt(retention.trim())));
    H2Backend backend = new H2Backend(store);
    backend.version(ServerVersion.MONGO_5_0);
    MongoServer server = new MongoServer(backend);
    server.bind(host, port);
    System.out.println("mongo-java-server listening on " + host + ":" + port + ", data " + dataFile);

    // SIGTERM from deploy/local/down: stop accepting, then close the store so the last
    // writes are committed to the file.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdown();
      System.out.println("mongo-java-server stopped");
    }, "mongo-shutdown"));
    Thread.currentThread().join();
  }
}
