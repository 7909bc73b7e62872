package org.polybench.harness.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polybench.harness.Project;
import org.polybench.harness.UserError;

class TokenizeDataTest {
  @TempDir Path tmp;

  @Test
  void generatedOnceIntoTheCacheWithTheVocabularyBeside() throws Exception {
    Path corpus = TokenizeData.generated(5_000, 42, tmp);
    assertEquals(tmp.resolve("tokenize-42-5000/corpus.txt"), corpus);
    assertEquals(5_000, Files.size(corpus));
    assertEquals(new CorpusGenerator(42).vocabularyText(), Files.readString(corpus.resolveSibling("vocab.txt")));
    var made = Files.getLastModifiedTime(corpus);
    Thread.sleep(20);
    assertEquals(corpus, TokenizeData.generated(5_000, 42, tmp));
    assertEquals(made, Files.getLastModifiedTime(corpus), "reused, not rewritten");
    // another generator version's folder is regenerated
    Files.writeString(corpus.resolveSibling("generator.txt"), "0\n");
    Files.writeString(corpus, "stale");
    TokenizeData.generated(5_000, 42, tmp);
    assertEquals(5_000, Files.size(corpus));
    try (var s = Files.list(tmp)) {
      assertEquals(1, s.count(), "no temporary folders left behind");
    }
  }

  @Test
  void aUsersCorpusIsCopiedWithTheGeneratedVocabulary() throws Exception {
    Path mine = Files.writeString(tmp.resolve("mine.txt"), "Hello, world!\nSecond line.\n");
    Path copy = TokenizeData.userCorpus(mine, 42, tmp.resolve("data"));
    assertArrayEquals(Files.readAllBytes(mine), Files.readAllBytes(copy));
    assertTrue(copy.getParent().getFileName().toString().startsWith("tokenize-corpus-"));
    assertEquals(new CorpusGenerator(42).vocabularyText(), Files.readString(copy.resolveSibling("vocab.txt")));
  }

  @Test
  void badCorporaAreUserErrorsNamingThePlace() throws Exception {
    UserError missing = assertThrows(UserError.class, () -> TokenizeData.checkCorpus(tmp.resolve("nope.txt")));
    assertEquals(2, missing.exitCode());
    assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
    Path empty = Files.createFile(tmp.resolve("empty.txt"));
    assertTrue(assertThrows(UserError.class, () -> TokenizeData.checkCorpus(empty)).getMessage().contains("is empty"));
    assertTrue(assertThrows(UserError.class, () -> TokenizeData.checkCorpus(tmp)).getMessage().contains("is a directory"));
    Path utf8 = Files.writeString(tmp.resolve("utf8.txt"), "plain\nna\u00efve\n", StandardCharsets.UTF_8);
    String msg = assertThrows(UserError.class, () -> TokenizeData.checkCorpus(utf8)).getMessage();
    assertTrue(msg.contains("line 2, byte 3 (offset 8 in the file) is 0xc3, not ASCII"), msg);
    assertTrue(msg.contains("ASCII text only"), msg);
  }

  @Test
  void withoutTheVenvTheOracleFailsLoudly() throws Exception {
    Path corpus = TokenizeData.generated(100, 1, tmp);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Oracle.run(new Project(tmp.resolve("no-repo")), corpus));
    assertTrue(e.getMessage().contains("./bench build"), e.getMessage());
  }
}
