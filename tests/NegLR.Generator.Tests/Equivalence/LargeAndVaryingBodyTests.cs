extern alias generator;

using System;
using System.Linq;
using System.Reflection;
using NegLR.Generator.Tests.Infrastructure;
using NegLRGenerator = generator::NegLR.Generator.NegLRGenerator;
using TileOptions = generator::NegLR.Generator.Emit.TileOptions;

namespace NegLR.Generator.Tests.Equivalence;

/// <summary>
/// The shapes the size budget changes: an irregular 5,600-weight body (no block repeats, far beyond the tile budget: it
/// runs from data), layers that differ only in their angles (one loop, gradients per slot), and a plan the budget cuts
/// in two (the repeated layers tiled, the rest from data) — each against the interpreter on both code paths.
/// </summary>
public class LargeAndVaryingBodyTests
{
    /// <summary>
    /// 8 qubits × 350 layers × 2 rotations = 5,600 weights. Each layer's rotation axes and CNOT pairs come from a linear
    /// congruential sequence run in the body, so no two layers match (the irregular body, on a state small
    /// enough to check quickly).
    /// </summary>
    private const string Irregular = """
        namespace Shapes;

        [global::NegLR.Ansatz(Qubits = 8)]
        [global::NegLR.Observable("Z0 Z1 + 0.5 X3")]
        public partial struct Irregular
        {
            [global::NegLR.Circuit]
            static void Build(global::NegLR.Circuit c)
            {
                int seed = 12345;
                for (int layer = 0; layer < 350; layer++)
                {
                    for (int q = 0; q < 8; q++)
                    {
                        seed = (seed * 1103515 + 12345) & 0x7FFFFFF;
                        int axis = seed % 3;
                        if (axis == 0) c.RX(q, c.Weight()); else if (axis == 1) c.RY(q, c.Weight()); else c.RZ(q, c.Weight());
                        c.RY(q, c.Weight());
                    }

                    for (int q = 0; q < 8; q++)
                    {
                        seed = (seed * 1103515 + 12345) & 0x7FFFFFF;
                        if (seed % 4 == 0) c.CNOT(q, (q + 1 + seed % 7) % 8);
                    }
                }
            }
        }
        """;

    /// <summary>
    /// Twelve layers with the same gates and different angles: scales that grow with the layer, weights shared between
    /// layers, an input in odd layers and a constant in even ones, so no weight stride holds across iterations.
    /// </summary>
    private const string Varying = """
        namespace Shapes;

        [global::NegLR.Ansatz(Qubits = 6)]
        [global::NegLR.Observable("Z0 Z5 - 0.3 Y2")]
        public partial struct Varying
        {
            [global::NegLR.Circuit]
            static void Build(global::NegLR.Circuit c)
            {
                for (int l = 0; l < 12; l++)
                {
                    for (int q = 0; q < 6; q++) c.RY(q, (l + 1) * c.Weight(q));
                    for (int q = 0; q < 6; q++) c.RZ(q, c.Weight() + 0.1 * l);
                    c.RX(l % 2, l % 2 == 0 ? 0.25 * l : 1.0);
                    for (int q = 0; q < 5; q++) c.CNOT(q, q + 1);
                    c.CRY(5, 0, c.Weight(6 + (l % 3)));
                }
            }
        }
        """;

    /// <summary><see cref="Varying"/> after an irregular prefix: a plan of two regions, the prefix and the loop.</summary>
    private static readonly string PrefixedVarying = Varying.Replace("Varying", "PrefixedVarying", StringComparison.Ordinal).Replace(
        "for (int l = 0; l < 12; l++)",
        """
        int seed = 7;
                        for (int k = 0; k < 60; k++)
                        {
                            seed = (seed * 1103515 + 12345) & 0x7FFFFFF;
                            if (seed % 3 == 0) c.RX(seed % 6, c.Input(k % 2)); else c.CZ(seed % 6, (seed % 6 + 1 + seed % 5) % 6);
                        }

                        for (int l = 0; l < 12; l++)
        """, StringComparison.Ordinal);

    private static readonly Lazy<Assembly> Compiled = new(() => GeneratorHarness.CompileAndLoad(Irregular, Varying));

    [Fact]
    public void IrregularBodyOf5600Weights_BothPaths_EqualInterpreter()
    {
        var type = AnsatzProbe.Find(Compiled.Value, "Shapes.Irregular");
        Assert.Equal(5600, AnsatzProbe.Call<int>(type, "WeightCount"));
        EquivalenceAssert.OnBothPaths(() => EquivalenceAssert.MatchesOracles(type, seed: 56, dense: false));
    }

    [Fact]
    public void IrregularBodyOf5600Weights_IsSmallAndRunsFromData()
    {
        string text = Generated(new NegLRGenerator(), Irregular, "Shapes.Irregular.Ansatz.g.cs");

        // Far beyond the tile budget: what does not repeat is the program's data, run one kernel call per step.
        Assert.Contains("from data, one kernel call per step (their tiles would overrun the size budget)", text, StringComparison.Ordinal);
        Assert.True(Lines(text) < 2_000, $"{Lines(text)} lines");
        Console.WriteLine($"{Lines(text)} lines, {text.Length} characters");
    }

    [Fact]
    public void LayersThatDifferOnlyInAngles_BecomeOneLoop_BothPathsEqualInterpreter()
    {
        string text = Generated(new NegLRGenerator(), Varying, "Shapes.Varying.Ansatz.g.cs");
        Assert.Contains("their angles differ: gradients go to per-slot sums", text, StringComparison.Ordinal);
        Assert.Contains("__P.AddSlotGradients(gs, g,", text, StringComparison.Ordinal);

        var type = AnsatzProbe.Find(Compiled.Value, "Shapes.Varying");
        EquivalenceAssert.OnBothPaths(() => EquivalenceAssert.MatchesOracles(type, seed: 12, dense: true));
        EquivalenceAssert.OnBothPaths(() => EquivalenceAssert.AllocatesNothing(type, seed: 13));
    }

    [Fact]
    public void PlanCutByTheBudget_TilesTheLoopAndRunsTheRestFromData_BothPathsEqualInterpreter()
    {
        // A budget that holds the loop's tiles but not the prefix's: both kinds of region in one pass.
        var generator = new NegLRGenerator { Tiles = new TileOptions { TileBudget = Budget } };
        string text = Generated(generator, PrefixedVarying, "Shapes.PrefixedVarying.Ansatz.g.cs");
        Assert.Contains("from data, one kernel call per step (their tiles would overrun the size budget)", text, StringComparison.Ordinal);
        Assert.Contains("private static void __F0(", text, StringComparison.Ordinal);

        var assembly = GeneratorHarness.CompileAndLoad(generator, PrefixedVarying);
        var type = AnsatzProbe.Find(assembly, "Shapes.PrefixedVarying");
        EquivalenceAssert.OnBothPaths(() => EquivalenceAssert.MatchesOracles(type, seed: 14, dense: false));
    }

    /// <summary>Characters of tile code allowed in <see cref="PlanCutByTheBudget_TilesTheLoopAndRunsTheRestFromData_BothPathsEqualInterpreter"/>.</summary>
    private const int Budget = 120_000;

    private static string Generated(NegLRGenerator generator, string source, string hintName)
    {
        var (_, result, _) = GeneratorHarness.Run(TestCompilation.Create(source), generator);
        return GeneratorHarness.Generated(result, hintName);
    }

    private static int Lines(string text) => text.Count(c => c == '\n');
}
