using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NegLR.Experiments.Benchmarks;
using NegLR.Experiments.Optimizers;

namespace NegLR.Experiments.Tests;

/// <summary>
/// The study's vocabulary (issue 16): parametric optimizer ids for every base, policy, control and mitigation; the
/// gorge landscape, the identity-block testbed, layerwise prefixes and noisy devices; a grid that mixes them runs.
/// </summary>
public class StudyWiringTests : ScratchTest
{
    [Theory]
    [InlineData("nlr-la-adam@0.1")]
    [InlineData("nlr-las-sgd@0.3_r1")]
    [InlineData("nlr-reactive-momentum@0.05")]
    [InlineData("nlr-periodic-rmsprop@0.01_r1")]
    [InlineData("nlr-stochastic-adagrad@0.1")]
    [InlineData("rej-la-adam@0.1")]
    [InlineData("noise-la-adam@0.1_r1")]
    [InlineData("bt-sgd@0.3")]
    [InlineData("adam@0.1_rs4")]
    [InlineData("spsa@0.05")]
    [InlineData("qng@0.05")]
    [InlineData("roto")]
    [InlineData("adam@0.1_gauss")]
    [InlineData("nlr-la-adam@0.1_idb")]
    [InlineData("nlr-la-sgd@0.3_lw")]
    [InlineData("nlr-la-adam@0.1_rs4_gauss")]
    public void StudyIds_RoundTrip(string id)
    {
        var spec = StudyOptimizer.TryParse(id);
        Assert.NotNull(spec);
        Assert.Equal(id, spec!.Id);
        Assert.Equal(id, OptimizerCatalog.Get(id).Id);
    }

    [Theory]
    [InlineData("nlr-la-adam@0.10", "nlr-la-adam@0.1")]
    [InlineData("nlr-la-adam@0.1_r0.25", "nlr-la-adam@0.1")]
    [InlineData("adam@0.1_lw_gauss", null)]
    [InlineData("rej-la-adam@0.1_r1", "only an ascending NLR variant")]
    [InlineData("nlr-la-lbfgs@0.1", "not a gradient method")]
    [InlineData("adam@0.1_rs1", "2 to 64 restarts")]
    [InlineData("adam@0.1_rs4_lw", "without restarts")]
    [InlineData("spsa@-1", null)]
    public void StudyIds_Malformed_AreRefusedWithTheFix(string id, string? message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => OptimizerCatalog.Get(id));
        if (message is not null)
        {
            Assert.Contains(message, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NlrControl_IsTheBaseAtTheSameRate_WithTheSameMitigations()
    {
        Assert.Equal("adam@0.1", StudyOptimizer.TryParse("nlr-la-adam@0.1_r1")!.Control!.Id);
        Assert.Equal("sgd@0.3_rs4_gauss", StudyOptimizer.TryParse("nlr-las-sgd@0.3_rs4_gauss")!.Control!.Id);
        Assert.Equal("adam@0.1_idb", StudyOptimizer.TryParse("nlr-periodic-adam@0.1_idb")!.Control!.Id);
        Assert.Equal("sgd@0.3_lw", StudyOptimizer.TryParse("nlr-la-sgd@0.3_lw")!.Control!.Id);
        // Controls of NLR's mechanism are not NLR variants: they are compared with NLR, not given a base of their own.
        Assert.Null(StudyOptimizer.TryParse("noise-la-adam@0.1")!.Control);
        Assert.Null(StudyOptimizer.TryParse("rej-la-adam@0.1")!.Control);
    }

    [Fact]
    public void Gorge_CostIsOneMinusTheProductOfCosines()
    {
        var b = (GorgeBenchmark)BenchmarkCatalog.Get("gorge5");
        var instance = b.Create(3, BenchmarkSizes.Quick);
        var interpreter = new CircuitInterpreter(instance.Circuit);
        var random = new SeededRandom(5);
        for (int trial = 0; trial < 5; trial++)
        {
            var w = Enumerable.Range(0, 5).Select(_ => random.NextDouble(-Math.PI, Math.PI)).ToArray();
            double product = w.Aggregate(1.0, (p, t) => p * Math.Cos(t / 2) * Math.Cos(t / 2));
            Assert.Equal(1 - product, interpreter.Evaluate(w, instance.Observable, interpreter.CreateWorkspace()), 12);
        }

        // One weight: cos²(θ/2) > ½ on half the circle; the gorge narrows as weights are added.
        Assert.Equal(0.5, GorgeBenchmark.GorgeShare(1), 2);
        Assert.True(GorgeBenchmark.GorgeShare(4) < GorgeBenchmark.GorgeShare(2) / 2);
    }

    [Fact]
    public void IdentityBlockTestbed_StartsAsItsFirstLayer_AndLayerwisePrefixesExtend()
    {
        var idb = (BarrenPlateauBenchmark)BenchmarkCatalog.Get("bp-idb4-l8-cg-s1");
        var instance = idb.Create(7, BenchmarkSizes.Quick);
        var w = new double[instance.Circuit.WeightCount];
        instance.IdentityBlocks!.Initialize(w, new CircuitStructure(instance.Circuit), new SeededRandom(3));
        var interpreter = new CircuitInterpreter(instance.Circuit);
        // Every block is the identity: only RY(π/4) on each qubit acts, so C_G = 1 − cos²(π/8)⁴.
        double expected = 1 - Math.Pow(Math.Cos(Math.PI / 8), 8);
        Assert.Equal(expected, interpreter.Evaluate(w, instance.Observable, interpreter.CreateWorkspace()), 10);
        Assert.Throws<ArgumentException>(() => BenchmarkCatalog.Get("bp-idb4-l6-cg-s0"));

        var random = (BarrenPlateauBenchmark)BenchmarkCatalog.Get("bp-random6-l18-cl-s2");
        var full = random.BuildCircuit();
        Assert.Equal(4, random.LayerwiseBlocks);
        for (int k = 1; k <= 4; k++)
        {
            var prefix = random.BuildCircuit(random.LayersForBlocks(k));
            Assert.Equal(full.Gates.Take(prefix.Gates.Count), prefix.Gates);
        }
    }

    [Fact]
    public void NoisyIds_ParseToTheirModel_AndBadOnesNameTheFix()
    {
        var noisy = (NoisyBenchmark)BenchmarkCatalog.Get("bp-hea4-l2-zz-s0+dp0.01+ro0.02");
        Assert.Equal(0.01, noisy.P2);
        Assert.Equal(0.02, noisy.Readout);
        var instance = noisy.Create(0, BenchmarkSizes.Quick);
        Assert.NotNull(instance.Noise);
        var ideal = new CircuitInterpreter(instance.Circuit);
        var dm = new DensityMatrixSimulator(instance.Circuit, instance.Noise!.Model);
        double idealValue = ideal.Evaluate(instance.InitialWeights, instance.Observable, ideal.CreateWorkspace());
        double noisyValue = dm.Evaluate(instance.InitialWeights, instance.Observable, dm.CreateWorkspace());
        // Local depolarizing noise and readout error contract ⟨Z0 Z1⟩ towards 0.
        Assert.True(Math.Abs(noisyValue) < Math.Abs(idealValue));

        var clean = BenchmarkCatalog.Get("bp-hea4-l2-zz-s0+dp0").Create(0, BenchmarkSizes.Quick);
        var cleanDm = new DensityMatrixSimulator(clean.Circuit, clean.Noise!.Model);
        Assert.Equal(idealValue, cleanDm.Evaluate(clean.InitialWeights, clean.Observable, cleanDm.CreateWorkspace()), 12);

        Assert.Contains("canonical", Assert.Throws<ArgumentException>(() => BenchmarkCatalog.Get("bp-hea4-l2-zz-s0+dp1e-2")).Message, StringComparison.Ordinal);
        Assert.Contains("probability", Assert.Throws<ArgumentException>(() => BenchmarkCatalog.Get("bp-hea4-l2-zz-s0+dp2")).Message, StringComparison.Ordinal);
        Assert.Contains("ibmq-manila", Assert.Throws<ArgumentException>(() => BenchmarkCatalog.Get("bp-hea4-l2-zz-s0+dev-nowhere")).Message, StringComparison.Ordinal);
        Assert.True(BenchmarkCatalog.Get("bp-hea8-l2-zz-s0+dp0.001").Create(0, BenchmarkSizes.Quick).Noise!.Trajectories);
    }

    [Fact]
    public void Grid_PairingAMitigationWithABenchmarkThatLacksIt_IsRefusedBeforeRunning()
    {
        string dir = Temp("study-refuse");
        var (exit, _, error) = TestSupport.Run("compare", "--benchmarks", "gorge2", "--optimizers", "nlr-la-adam@0.1_idb", "--seeds", "2", "--steps", "2",
            "--no-progress", "--out", dir);
        Assert.Equal(2, exit);
        Assert.Contains("bp-idb", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "runs")));
    }

    [Fact]
    public void Grid_OfStudyOptimizers_RunsEveryCell_AndTheSummaryIsValid()
    {
        string dir = Temp("study-grid");
        var (exit, output, error) = TestSupport.Run("compare", "--benchmarks", "gorge2,bp-hea2-l2-zz-s0+dp0.01+ro0.01",
            "--optimizers", "nlr-la-adam@0.1,noise-la-adam@0.1,rej-la-adam@0.1,bt-adam@0.1,adam@0.1_rs2,roto,qng@0.05,spsa@0.1,nlr-las-sgd@0.3_gauss",
            "--seeds", "2", "--steps", "4", "--shots", "0,100", "--bootstrap", "200", "--no-progress", "--no-plots", "--jobs", "1", "--out", dir);
        Assert.True(exit == 0, output + error);
        // 9 listed + 2 bases (adam@0.1, sgd@0.3_gauss), 2 benchmarks, 2 modes, 2 seeds.
        Assert.Equal(11 * 2 * 2 * 2, Directory.GetFiles(Path.Combine(dir, "runs"), "*.json", SearchOption.AllDirectories).Length);
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.schema.json")));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var errors = SchemaValidator.Validate(schema.RootElement, summary.RootElement);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        string report = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.Contains("Not tuned by the runner", report, StringComparison.Ordinal);
        Assert.Contains("| `gorge2` | exact | NLR[Lookahead z=1.5, r=0.25](SGD η=0.3) +Gaussian start | SGD η=0.3 +Gaussian start", report, StringComparison.Ordinal);
    }
}

/// <summary>The report's controls of an NLR variant are the runner's ids at the same base, rate and start.</summary>
public class StudyControlIdTests
{
    [Fact]
    public void ControlsOf_NlrVariant_AreCanonicalIdsAtTheSameRate()
    {
        var nlr = StudyOptimizer.TryParse("nlr-la-adam@0.1_r1")!;
        var controls = NegLR.Experiments.Study.StudyReport.ControlsOf(nlr).ToDictionary(c => c.Kind, c => c.Id);
        Assert.Equal("rej-la-adam@0.1", controls["reject"]);
        Assert.Equal("noise-la-adam@0.1_r1", controls["noise injection"]);
        Assert.Equal("bt-adam@0.1", controls["backtracking"]);
        Assert.Equal("adam@0.1_rs4", controls["4 restarts"]);
        Assert.All(controls.Values, id => Assert.Equal(id, OptimizerCatalog.Get(id).Id));
        // A mitigated variant is compared with the controls that share its start only.
        var gauss = NegLR.Experiments.Study.StudyReport.ControlsOf(StudyOptimizer.TryParse("nlr-la-sgd@1_gauss")!).Select(c => c.Id).ToArray();
        Assert.Equal(new[] { "rej-la-sgd@1_gauss", "noise-la-sgd@1_gauss" }, gauss);
    }
}
