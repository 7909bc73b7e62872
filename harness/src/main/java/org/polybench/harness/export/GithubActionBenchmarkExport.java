package org.polybench.harness.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.polybench.harness.store.CellResult;
import org.polybench.harness.store.RunRecord;
import org.polybench.harness.view.RunInfo;

/**
 * github-action-benchmark.json, for benchmark-action/github-action-benchmark with
 * {@code tool: customSmallerIsBetter}: an array of {name, unit, value, range, extra}, one per
 * verified cell; value the median in ns, range "± half-width of the 95% CI", extra the interval,
 * the sample count, the commit and the machine. Unverified cells are left out: no number for a
 * wrong answer.
 */
public final class GithubActionBenchmarkExport extends FileExport {
  public GithubActionBenchmarkExport() {
    super("github-action-benchmark", "github-action-benchmark.json");
  }

  @Override
  public String render(RunRecord run) {
    ArrayNode out = JsonFiles.MAPPER.createArrayNode();
    String commit = RunInfo.gitCommit(run);
    for (CellResult m : run.usable()) {
      ObjectNode n = out.addObject();
      n.put("name", benchmarkName(m));
      n.put("unit", "ns");
      n.put("value", m.medianNs());
      if (m.ciLowNs() != null && m.ciHighNs() != null) {
        n.put("range", "± " + Math.round((m.ciHighNs() - m.ciLowNs()) / 2.0));
      }
      StringBuilder extra = new StringBuilder();
      if (m.ciLowNs() != null && m.ciHighNs() != null) {
        extra.append(String.format(Locale.ROOT, "95%% CI %d..%d ns; ", m.ciLowNs(), m.ciHighNs()));
      }
      int processes = m.samplesByInvocation().size();
      extra.append(m.samplesNs().size()).append(" samples in ").append(processes).append(processes == 1 ? " process" : " processes");
      if (m.unsteady()) extra.append("; unsteady");
      if (commit != null) extra.append("; commit ").append(commit);
      extra.append("; ").append(RunInfo.machine(run));
      n.put("extra", extra.toString());
    }
    return JsonFiles.write(out);
  }
}
