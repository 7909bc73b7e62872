package org.polybench.harness.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A run folder claimed by this process for as long as it runs: an exclusive lock (fcntl, via
 * {@link FileChannel#tryLock}) on {@value #LOCK_FILE} inside it. The operating system drops the
 * lock when the process ends, however it ends (kill -9 included), so a crashed run never blocks
 * the folder, and two live runs can never write one results.json. Default folders are created
 * with an exclusive mkdir, so two runs started in the same millisecond still get two folders.
 */
public final class RunFolder implements AutoCloseable {
  /** The lock file. It stays in the folder: deleting it would let a third run lock a new inode. */
  public static final String LOCK_FILE = ".lock";

  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;
  private final boolean created;

  private RunFolder(Path dir, FileChannel channel, FileLock lock, boolean created) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
    this.created = created;
  }

  public Path dir() {
    return dir;
  }

  /** Whether this process created the folder (it did not exist before). */
  public boolean created() {
    return created;
  }

  /** The folder is locked by another live run. */
  public static final class InUse extends RuntimeException {
    public InUse(Path dir, String holder) {
      super(dir + " is in use by another run" + (holder.isBlank() ? "" : " (" + holder + ")"));
    }
  }

  /**
   * A new folder {@code root/id}, or {@code root/id-2}, {@code -3}, ... when taken: created with an
   * exclusive mkdir (atomic), then locked.
   */
  public static RunFolder claimNew(Path root, String id) throws IOException {
    Files.createDirectories(root);
    for (int i = 1; ; i++) {
      Path dir = root.resolve(i == 1 ? id : id + "-" + i);
      try {
        Files.createDirectory(dir);
      } catch (FileAlreadyExistsException e) {
        continue;
      }
      return lock(dir, true);
    }
  }

  /** {@code dir} (created if missing), locked; {@link InUse} when another live run holds it. */
  public static RunFolder claim(Path dir) throws IOException {
    boolean created = !Files.exists(dir);
    Files.createDirectories(dir);
    return lock(dir, created);
  }

  private static RunFolder lock(Path dir, boolean created) throws IOException {
    Path file = dir.resolve(LOCK_FILE);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // this JVM holds it already (tests running two runs in one process)
    }
    if (lock == null) {
      String holder;
      try {
        holder = Files.readString(file, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        holder = "";
      }
      ch.close();
      throw new InUse(dir, holder);
    }
    ch.truncate(0);
    ch.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    ch.force(false);
    return new RunFolder(dir, ch, lock, created);
  }

  /**
   * Gives the folder up before anything was saved (a check failed after claiming): removes it when
   * this process created it and it holds only the lock file.
   */
  public void abandon() {
    close();
    if (!created) return;
    try {
      Files.deleteIfExists(dir.resolve(LOCK_FILE));
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // not empty or not ours to delete: leave it
    }
  }

  @Override
  public void close() {
    try {
      if (lock.isValid()) lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Points {@code root/latest} at {@code runDir}, atomically: a new relative symlink made under a
   * unique name, then renamed over the old one, so a reader (or a concurrent run) sees the old
   * link or the new one, never none. Where symlinks fail, {@code latest.txt} holds the path.
   */
  public static void linkLatest(Path root, Path runDir) {
    Path latest = root.resolve("latest");
    Path tmp = root.resolve(".latest-" + ProcessHandle.current().pid() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    try {
      Files.createSymbolicLink(tmp, root.toAbsolutePath().relativize(runDir.toAbsolutePath()));
      Files.move(tmp, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | UnsupportedOperationException e) {
      try {
        Files.deleteIfExists(tmp);
        Path txt = root.resolve("latest.txt");
        Path tmpTxt = root.resolve(tmp.getFileName() + ".txt");
        Files.writeString(tmpTxt, runDir.toAbsolutePath() + "\n");
        Files.move(tmpTxt, txt, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException ignored) {
        // the run itself is saved; only the convenience pointer is missing
      }
    }
  }
}
