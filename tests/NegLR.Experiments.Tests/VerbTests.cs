using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NegLR.Experiments.Tests;

/// <summary>Smoke tests of variance, simulate, tune and the command line itself.</summary>
public class VerbTests : ScratchTest
{
    [Fact]
    public void Variance_TinySettings_WritesPointsFitsReportAndPlots()
    {
        string dir = Temp("variance");
        var (exit, output, error) = TestSupport.Run("variance", "--qubits", "2-4", "--layers", "1,3", "--samples", "40", "--no-progress", "--out", dir);
        Assert.True(exit == 0, output + error);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "variance.json")));
        var points = doc.RootElement.GetProperty("points");
        Assert.Equal(2 * 2 * 2 * 3, points.GetArrayLength());
        Assert.All(points.EnumerateArray(), p => Assert.True(p.GetProperty("varianceFirst").GetDouble() > 0));
        var fits = doc.RootElement.GetProperty("fits");
        Assert.Equal(2 * 2 * 2 * 2, fits.GetArrayLength());
        Assert.True(File.Exists(Path.Combine(dir, "variance.csv")));
        Assert.Contains("Fitted decay rates", File.ReadAllText(Path.Combine(dir, "report.md")));
        Assert.True(File.Exists(Path.Combine(dir, "plots", "variance-qubits-random-all.png")));
        Assert.True(File.Exists(Path.Combine(dir, "plots", "variance-depth-hea-all.svg")));
    }

    [Fact]
    public void Variance_LocalCostAtDepthOne_MatchesTheClosedForm()
    {
        // One hardware-efficient layer: Z0 commutes with CNOT(0, 1) (qubit 0 is its control), so ⟨Z0⟩ = cos θ0 after
        // RY(θ0) and RZ(φ0); ∂/∂θ0 = −sin θ0 with θ0 uniform in [0, 2π): Var = E[sin²θ0] = 1/2.
        var p = Variance.VarianceRunner.Measure("hea", "local", 3, 1, 4000, 5, default)!;
        Assert.InRange(Math.Abs(p.VarianceFirst - 0.5), 0, 4 * p.VarianceFirstSe);
        Assert.InRange(p.VarianceFirstSe, 0.001, 0.02);
    }

    [Fact]
    public void Variance_SameSeed_SameNumbers_OtherSeed_OtherNumbers()
    {
        // Every block of the probe draws its circuit and its seed from the point's own stream, so a point depends on the
        // seed alone (not on --jobs or on which worker ran it).
        var a = Variance.VarianceRunner.Measure("random", "global", 4, 3, 30, 11, default)!;
        var b = Variance.VarianceRunner.Measure("random", "global", 4, 3, 30, 11, default)!;
        var c = Variance.VarianceRunner.Measure("random", "global", 4, 3, 30, 12, default)!;
        Assert.Equal((a.MeanFirst, a.VarianceFirst, a.VarianceFirstSe, a.VarianceAll, a.VarianceAllSe),
            (b.MeanFirst, b.VarianceFirst, b.VarianceFirstSe, b.VarianceAll, b.VarianceAllSe));
        Assert.NotEqual(a.VarianceAll, c.VarianceAll);
        Assert.Equal(4 * 3, a.Weights);
        Assert.Equal(30, a.Samples);
    }

    [Fact]
    public void Variance_JobCount_DoesNotChangeTheOutput()
    {
        string one = Temp("variance-jobs1"), two = Temp("variance-jobs2");
        string[] common = { "variance", "--qubits", "2,3", "--layers", "2", "--samples", "12", "--no-plots", "--no-progress" };
        var first = TestSupport.Run([.. common, "--jobs", "1", "--out", one]);
        var second = TestSupport.Run([.. common, "--jobs", "2", "--out", two]);
        Assert.True(first.Exit == 0 && second.Exit == 0, first.Error + second.Error);
        Assert.Equal(File.ReadAllText(Path.Combine(one, "variance.csv")), File.ReadAllText(Path.Combine(two, "variance.csv")));
    }

    [Fact]
    public void Variance_FewerThanFourSamples_IsAUsageError()
    {
        // Two blocks of two samples are the least that gives both a variance per block and a standard error.
        var (exit, _, error) = TestSupport.Run("variance", "--samples", "3", "--no-progress");
        Assert.Equal(2, exit);
        Assert.Contains("--samples", error);
    }

    [Fact]
    public void Simulate_Qasm_ExpectationAndGradientInProgramOrder()
    {
        string dir = Temp("simulate");
        string qasm = Path.Combine(dir, "bell.qasm");
        File.WriteAllText(qasm, """
            OPENQASM 2.0;
            include "qelib1.inc";
            qreg q[2];
            creg c[2];
            ry(0.7) q[0];
            rx(0.3) q[1];
            cx q[0],q[1];
            measure q -> c;
            """);
        var (exit, output, error) = TestSupport.Run("simulate", "--qasm", qasm, "--observable", "Z0 + 0.5 X1", "--gradient");
        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        // Z on the control and X on the target both commute with the CNOT: ⟨Z0⟩ = cos 0.7 and ⟨X1⟩ = ⟨X⟩ of RX(0.3)|0⟩ = 0.
        Assert.Equal(Math.Cos(0.7), root.GetProperty("expectation").GetDouble(), 12);
        var gradient = root.GetProperty("gradient").EnumerateArray().Select(g => g.GetDouble()).ToArray();
        Assert.Equal(2, gradient.Length);
        Assert.Equal(-Math.Sin(0.7), gradient[0], 12);
        Assert.Equal(0, gradient[1], 12);
        Assert.Equal(new[] { 0.7, 0.3 }, root.GetProperty("angles").EnumerateArray().Select(a => a.GetDouble()).ToArray());

        var shift = TestSupport.Run("simulate", "--qasm", qasm, "--observable", "Z0 Z1", "--gradient", "--method", "shift", "--angles", "0.2,1.1");
        Assert.Equal(0, shift.Exit);
        using var s = JsonDocument.Parse(shift.Output);
        // Z0 Z1 after CNOT = Z1 before it: ⟨Z⟩ of RX(1.1)|0⟩ = cos 1.1, independent of the first angle.
        Assert.Equal(Math.Cos(1.1), s.RootElement.GetProperty("expectation").GetDouble(), 12);
        Assert.Equal(-Math.Sin(1.1), s.RootElement.GetProperty("gradient")[1].GetDouble(), 12);

        var shots = TestSupport.Run("simulate", "--qasm", qasm, "--observable", "Z0", "--shots", "4000", "--seed", "3");
        Assert.Equal(0, shots.Exit);
        using var e = JsonDocument.Parse(shots.Output);
        double estimate = e.RootElement.GetProperty("expectation").GetDouble();
        double se = e.RootElement.GetProperty("standardError").GetDouble();
        Assert.InRange(estimate, Math.Cos(0.7) - (5 * se), Math.Cos(0.7) + (5 * se));
    }

    [Fact]
    public void Simulate_BadInput_ReportsUsageErrors()
    {
        Assert.Equal(2, TestSupport.Run("simulate", "--observable", "Z0").Exit);
        string dir = Temp("simulate-bad");
        string qasm = Path.Combine(dir, "one.qasm");
        File.WriteAllText(qasm, "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\nrx(0.1) q[0];\n");
        var r = TestSupport.Run("simulate", "--qasm", qasm, "--observable", "Z3");
        Assert.Equal(2, r.Exit);
        Assert.Contains("qubit 3", r.Error);
        Assert.Equal(2, TestSupport.Run("simulate", "--qasm", qasm, "--observable", "Q0").Exit);
        Assert.Equal(1, TestSupport.Run("simulate", "--qasm", Path.Combine(dir, "missing.qasm"), "--observable", "Z0").Exit);
    }

    [Fact]
    public void Tune_TinyGrid_WritesAFileCompareCanUse()
    {
        string dir = Temp("tune");
        string file = Path.Combine(dir, "h.json");
        var (exit, output, error) = TestSupport.Run("tune", "--optimizers", "adam,spsa", "--seeds", "1000", "--steps", "2", "--no-progress", "--out", file);
        Assert.True(exit == 0, output + error);
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var optimizers = doc.RootElement.GetProperty("optimizers");
        Assert.True(optimizers.GetProperty("adam").GetProperty("learningRate").GetDouble() > 0);
        Assert.True(optimizers.GetProperty("spsa").TryGetProperty("perturbation", out _));
        Assert.True(File.Exists(Path.ChangeExtension(file, ".csv")));
        var compare = TestSupport.Run("compare", "--hyperparameters", file, "--benchmarks", "vqe-h2", "--optimizers", "adam,spsa", "--seeds", "2",
            "--steps", "2", "--shots", "0", "--no-plots", "--no-progress", "--out", Path.Combine(dir, "out"));
        Assert.True(compare.Exit == 0, compare.Error);
    }

    [Fact]
    public void CommandLine_ListAndErrors()
    {
        var list = TestSupport.Run("compare", "--list");
        Assert.Equal(0, list.Exit);
        Assert.Contains("cls-iris-hea-local-ce", list.Output);
        Assert.Contains("nlr-periodic", list.Output);
        Assert.Equal(2, TestSupport.Run("frobnicate").Exit);
        Assert.Equal(2, TestSupport.Run("compare", "--bogus").Exit);
        Assert.Equal(2, TestSupport.Run("compare", "--benchmarks", "nope").Exit);
        Assert.Equal(2, TestSupport.Run("compare", "--steps", "zero").Exit);
        Assert.Equal(2, TestSupport.Run("variance", "--ansatz", "deep").Exit);
        Assert.Contains("--seeds", TestSupport.Run("compare", "--seeds").Error);
        _ = CultureInfo.InvariantCulture;
    }
}
