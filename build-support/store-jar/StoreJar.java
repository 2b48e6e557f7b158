import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a jar with every entry stored instead of deflated, in the same order with the same
 * contents: {@code java StoreJar.java JAR}. The JVM then reads a class straight from the jar
 * instead of inflating it first, which is a tenth of the helpdesk CLI's start-up CPU (it loads
 * about 750 classes from its jar before a sync's first request). Build support only: the cli
 * module's pom runs this one JDK-only file with the JDK's source launcher after the shade plugin.
 */
public final class StoreJar {
  private StoreJar() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: java StoreJar.java JAR");
    }
    Path jar = Path.of(args[0]);
    Path stored = jar.resolveSibling(jar.getFileName() + ".stored");
    try (ZipFile in = new ZipFile(jar.toFile());
        OutputStream file = Files.newOutputStream(stored);
        ZipOutputStream out = new ZipOutputStream(file)) {
      out.setMethod(ZipOutputStream.STORED);
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        byte[] bytes;
        try (InputStream data = in.getInputStream(entry)) {
          bytes = data.readAllBytes();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setMethod(ZipEntry.STORED);
        copy.setSize(bytes.length);
        copy.setCompressedSize(bytes.length);
        copy.setCrc(crc.getValue());
        copy.setTime(entry.getTime());
        out.putNextEntry(copy);
        out.write(bytes);
        out.closeEntry();
      }
    }
    Files.move(stored, jar, StandardCopyOption.REPLACE_EXISTING);
  }
}
