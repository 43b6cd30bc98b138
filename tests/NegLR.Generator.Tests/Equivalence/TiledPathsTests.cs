using System;
using System.Numerics;
using System.Reflection;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Equivalence;

/// <summary>
/// The shapes that take the generator's special paths — long layered circuits emitted as a loop over one block,
/// runs of diagonal gates fused into phase tables, states larger than one cache block (swept block by block), an
/// argument buffer too large for the stack — against the interpreter, on both the register-tiled path and the
/// per-gate kernel fallback (what machines without 256-bit SIMD run), with parameter shift equal to the adjoint
/// gradient and no allocation per call.
/// </summary>
public class TiledPathsTests
{
    private const int LayeredBodies = 30;

    private static readonly string[] Names = { "Hea8", "Hea13", "Strong7", "Qaoa6", "Mixed5", "LongHeap" };

    private static readonly Lazy<byte[]> ShapesImage = new(() => GeneratorHarness.Compile(null, ShapeSources));

    private static readonly Lazy<Assembly> Shapes = new(() => Assembly.Load(ShapesImage.Value));

    private static readonly Lazy<Assembly> Layered = new(() =>
    {
        var random = new SeededRandom(1124);
        var sources = new string[2 * LayeredBodies];
        for (int i = 0; i < LayeredBodies; i++)
        {
            sources[2 * i] = "namespace Layered;\n" + RandomAnsatzSource.LayeredDeclaration("L" + i, 2 + (i % 9), random);
            sources[(2 * i) + 1] = ShiftProbe("L" + i, "Layered");
        }

        return GeneratorHarness.CompileAndLoad(sources);
    });

    public static TheoryData<string> ShapeNames() => new(Names);

    public static TheoryData<string> ShapeNamesButLongHeap() => new(Array.FindAll(Names, n => n != "LongHeap"));

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Shape_BothPaths_EqualInterpreter(string name)
    {
        var type = AnsatzProbe.Find(Shapes.Value, "Tiled." + name);
        EquivalenceAssert.OnBothPaths(() => EquivalenceAssert.MatchesOracles(type, seed: 7, dense: false));
    }

    [Theory]
    [MemberData(nameof(ShapeNamesButLongHeap))]
    public void Shape_ParameterShift_EqualsAdjoint(string name) =>
        AssertShiftEqualsAdjoint(AnsatzProbe.Find(Shapes.Value, "Tiled." + name), seed: 8);

    /// <summary>
    /// LongHeap's shift rule on its heap-held argument buffer: 2 × 5,600 forward passes of 5,600 steps each, so it runs
    /// in <c>.ci/run</c>'s long pass (Category=Long), not in the README's quick command.
    /// </summary>
    [Fact]
    [Trait("Category", "Long")]
    public void LongHeap_ParameterShift_EqualsAdjoint() =>
        AssertShiftEqualsAdjoint(AnsatzProbe.Find(Shapes.Value, "Tiled.LongHeap"), seed: 8);

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Shape_BothPaths_AllocateNothingPerCall(string name)
    {
        var type = AnsatzProbe.Find(Shapes.Value, "Tiled." + name);
        var (w, x) = EquivalenceAssert.RandomArguments(AnsatzProbe.Call<int>(type, "WeightCount"), AnsatzProbe.Call<int>(type, "InputCount"), 9);
        EquivalenceAssert.OnBothPaths(() => Assert.Equal(0L, AnsatzProbe.Call<long>(type, "AllocatedPerCall", w, x)));
    }

    [Fact]
    public void Hea13_SharesTranslatedPasses()
    {
        // The equivalence tests above cover translated (shared) tile methods only if a shape has them: Hea13's
        // rotation passes walk up the register, one shape on different qubits.
        var (_, result, _) = GeneratorHarness.Run(TestCompilation.Create(ShapeSources));
        string text = GeneratorHarness.Generated(result, "Tiled.Hea13.Ansatz.g.cs");
        Assert.Contains("Serves every pass of this shape on other qubits", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAvx2_128BitTiles_GiveThe256BitBits()
    {
        // The shapes with 128-bit tiles in a child process with AVX2 switched off, its tiles forced to 128 bits (on x64,
        // .NET 10 switches FMA off with AVX2, so the machine's own choice there is the per-step path; arm64 chooses 128),
        // against this process's 256-bit tiles. The unrolled shapes (Strong7, Qaoa6, Mixed5: 0.2-0.5 MB of 256-bit tiles)
        // are over the twins' budget and run the per-step path on such machines; LongHeap is Hea8's code path at 40 times
        // the run time.
        var names = Array.FindAll(Names, n => n != "LongHeap" && AnsatzProbe.HasNarrowTiles(AnsatzProbe.Find(Shapes.Value, "Tiled." + n)));
        Assert.Contains("Hea8", names);
        Assert.Contains("Hea13", names);
        var (avx2, machineWidth, results) = NarrowTileProbe.RunChild(ShapesImage.Value, "DOTNET_EnableAVX2", 128, Array.ConvertAll(names, n => "Tiled." + n));
        Assert.False(avx2, "DOTNET_EnableAVX2=0 should switch AVX2 off in the child");
        Assert.True(machineWidth < 256, $"without AVX2 the child's own tile width should be below 256, not {machineWidth}");
        EquivalenceAssert.AtWidth(256, () =>
        {
            foreach (string name in names)
            {
                var type = AnsatzProbe.Find(Shapes.Value, "Tiled." + name);
                var expected = NarrowTileProbe.Results(type);
                var actual = results["Tiled." + name];
                Assert.Equal(expected.Length, actual.Length);
                for (int i = 0; i < expected.Length; i++)
                {
                    Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]),
                        $"{name}: result {i} is {actual[i]:R} on 128-bit tiles without AVX2, {expected[i]:R} on 256-bit tiles");
                }
            }
        });
    }

    public static TheoryData<int> LayeredBatches() => new(0, 1, 2);

    [Theory]
    [MemberData(nameof(LayeredBatches))]
    public void LayeredRandomBodies_BothPaths_EqualInterpreter(int batch)
    {
        for (int i = batch; i < LayeredBodies; i += 3)
        {
            var type = AnsatzProbe.Find(Layered.Value, "Layered.L" + i);
            int qubits = AnsatzProbe.Call<int>(type, "Qubits");

            // The dense reference multiplies 2^n × 2^n matrices per gate: affordable for these long circuits up to 5 qubits.
            EquivalenceAssert.OnBothPaths(() => EquivalenceAssert.MatchesOracles(type, seed: (ulong)(100 + i), dense: qubits <= 5));
            AssertShiftEqualsAdjoint(type, seed: (ulong)(200 + i));
        }
    }

    [Fact]
    public void Hea4_StandardWorkload_MatchesPublishedValue()
    {
        // The standard workload (benchmarks/NegLR.Benchmarks/StandardWorkload.cs) at n = 4: ⟨Z0 Z1⟩ with θ_k = 0.1·(k+1).
        var type = AnsatzProbe.Find(Shapes.Value, "Tiled.Hea4");
        var w = new double[AnsatzProbe.Call<int>(type, "WeightCount")];
        for (int k = 0; k < w.Length; k++)
        {
            w[k] = 0.1 * (k + 1);
        }

        EquivalenceAssert.OnBothPaths(() => Assert.Equal(0.101245759661362, AnsatzProbe.Call<double>(type, "Evaluate", w, Array.Empty<double>()), 1e-12));
    }

    private static void AssertShiftEqualsAdjoint(Type type, ulong seed)
    {
        var (w, x) = EquivalenceAssert.RandomArguments(AnsatzProbe.Call<int>(type, "WeightCount"), AnsatzProbe.Call<int>(type, "InputCount"), seed);
        var adjoint = AnsatzProbe.Call<double[]>(type, "Gradient", w, x);
        var shift = (double[])type.GetMethod("ShiftProbe")!.Invoke(null, new object[] { w, x })!;
        for (int k = 0; k < adjoint.Length; k++)
        {
            Assert.True(Math.Abs(shift[k] - adjoint[k]) < 1e-9, $"{type.Name}: shift ∂/∂w[{k}] = {shift[k]}, adjoint {adjoint[k]}");
        }
    }

    /// <summary>A method compiled into the ansatz's own type: the parameter-shift gradient (its spans cannot cross reflection).</summary>
    private static string ShiftProbe(string type, string ns) => $$"""
        namespace {{ns}}
        {
            public partial struct {{type}}
            {
                public static double[] ShiftProbe(double[] w, double[] x)
                {
                    var g = new double[WeightCount];
                    ParameterShiftGradient(w, x, g, new global::System.Numerics.Complex[StateLength]);
                    return g;
                }
            }
        }

        """;

    private static string[] ShapeSources
    {
        get
        {
            var sources = new[]
            {
                """
                namespace Tiled;

                [global::NegLR.Ansatz(Qubits = 4, Template = global::NegLR.AnsatzTemplate.HardwareEfficient, Layers = 4)]
                [global::NegLR.Observable("Z0 Z1")]
                public partial struct Hea4;

                // 8 layers of 8 qubits: long enough to be emitted as a loop over one layer; a non-diagonal cost.
                [global::NegLR.Ansatz(Qubits = 8, Template = global::NegLR.AnsatzTemplate.HardwareEfficient, Layers = 8)]
                [global::NegLR.Observable("Z0 Z1 + 0.5 X3 Y5")]
                public partial struct Hea8;

                // 2^13 amplitudes: larger than one forward block, so passes sweep the state block by block.
                [global::NegLR.Ansatz(Qubits = 13, Template = global::NegLR.AnsatzTemplate.HardwareEfficient, Layers = 2)]
                [global::NegLR.Observable("Z12 + 0.3 X0 X7")]
                public partial struct Hea13;

                // 2 × 1400 layers on 2 qubits: 5600 weights, an argument buffer too large for the stack.
                [global::NegLR.Ansatz(Qubits = 2, Template = global::NegLR.AnsatzTemplate.HardwareEfficient, Layers = 1400)]
                [global::NegLR.Observable("Z0 Z1")]
                public partial struct LongHeap;
                """,
                """
                namespace Tiled;

                [global::NegLR.Ansatz(Qubits = 7)]
                [global::NegLR.Observable("Z0 Z6 - 0.4 Y2")]
                public partial struct Strong7
                {
                    [global::NegLR.Circuit]
                    static void Build(global::NegLR.Circuit c)
                    {
                        c.AngleEmbedding(7, global::NegLR.Rotation.Y);
                        c.StronglyEntanglingLayers(4);
                    }
                }

                // Cost and mixer layers: runs of RZZ (diagonal) gates fused into phase tables.
                [global::NegLR.Ansatz(Qubits = 6)]
                [global::NegLR.Observable("0.5 Z0 Z1 + 0.5 Z1 Z2 + 0.5 Z2 Z3 + 0.5 Z3 Z4 + 0.5 Z4 Z5 + 0.5 Z5 Z0")]
                public partial struct Qaoa6
                {
                    [global::NegLR.Circuit]
                    static void Build(global::NegLR.Circuit c)
                    {
                        for (int q = 0; q < 6; q++) c.H(q);
                        for (int p = 0; p < 3; p++)
                        {
                            var gamma = c.Weight();
                            var beta = c.Weight();
                            for (int q = 0; q < 6; q++) c.RZZ(q, (q + 1) % 6, gamma);
                            for (int q = 0; q < 6; q++) c.RX(q, 2 * beta);
                        }
                    }
                }

                // Twelve layers mixing every kind of step: shared and affine weights, inputs, controlled rotations,
                // Pauli words, phases and fixed gates.
                [global::NegLR.Ansatz(Qubits = 5)]
                [global::NegLR.Observable("X0 Z4 + 0.7 Y1 Y2 - 0.2 Z3")]
                public partial struct Mixed5
                {
                    [global::NegLR.Circuit]
                    static void Build(global::NegLR.Circuit c)
                    {
                        for (int l = 0; l < 12; l++)
                        {
                            c.RY(l % 5, c.Input(l % 3));
                            c.CRX(0, 3, 0.5 * c.Weight() + 0.25);
                            c.MultiRZ(c.Weight(0), 1, 2, 4);
                            c.PauliRot(c.Weight(), "XY", 2, 3);
                            c.PhaseShift(4, -c.Weight());
                            c.T(1).CZ(1, 4).SX(2);
                            c.Rot(0, c.Weight(), c.Weight(1), global::System.Math.PI / 3);
                            c.RYY(3, 4, c.Weight());
                        }
                    }
                }
                """,
            };

            var probes = new System.Text.StringBuilder();
            foreach (string name in Names)
            {
                probes.Append(ShiftProbe(name, "Tiled"));
            }

            probes.Append(ShiftProbe("Hea4", "Tiled"));
            return [.. sources, probes.ToString()];
        }
    }
}
