using NegLR.Generator.Tests.Equivalence;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Snapshots;

/// <summary>
/// The generated text, pinned: one scenario per test, each also re-run on a cloned compilation to check every
/// pipeline step is cached. Review snapshot diffs like code.
/// </summary>
public class GeneratorSnapshotTests
{
    private static void Verify(string source, string hintName, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var compilation = TestCompilation.Create(source);
        var (_, result, _) = GeneratorHarness.Run(compilation);
        Snapshot.Match(GeneratorHarness.Generated(result, hintName), hintName, nameof(GeneratorSnapshotTests), test);
        GeneratorHarness.AssertCached(compilation);
    }

    [Fact]
    public void DesignExample_LoopedTilesOverTheLayers() =>
        Verify(SampleSources.IrisClassifier, "Samples.IrisClassifier.Ansatz.g.cs");

    [Fact]
    public void TemplateShorthand_NoBody() =>
        Verify(SampleSources.TemplateAnsatz, "Samples.Hea.Ansatz.g.cs");

    [Fact]
    public void NestedTypeInGlobalNamespace_ReopensContainingTypes() => Verify("""
        using NegLR;

        public static partial class Outer
        {
            [Ansatz(Qubits = 2)]
            [Observable("Z0 Z1", Name = "Parity")]
            [Observable("X0")]
            internal partial record struct Bell
            {
                [Circuit]
                static void Build(Circuit c) => c.H(0).CNOT(0, 1).RY(1, 2 * c.Weight(0) + System.Math.PI);
            }
        }
        """, "Outer+Bell.Ansatz.g.cs");

    [Fact]
    public void EveryGateKind_TiledOrFromDataWithOneCommentEach() => Verify("""
        using NegLR;

        namespace Gates;

        [Ansatz(Qubits = 3)]
        [Observable("Z0 + 0.5 X1 Y2")]
        public partial class AllGates
        {
            [Circuit]
            static void Build(Circuit c)
            {
                c.I(0); c.X(0); c.Y(1); c.Z(2); c.H(0); c.S(1); c.Sdg(2); c.T(0); c.Tdg(1); c.SX(2);
                c.RX(0, c.Weight()); c.RY(1, c.Input(0)); c.RZ(2, 0.25); c.PhaseShift(0, c.Weight());
                c.Rot(1, c.Weight(), c.Weight(), c.Weight()); c.U3(2, c.Weight(), 0.5, c.Weight());
                c.CNOT(0, 1); c.CY(1, 2); c.CZ(2, 0); c.SWAP(0, 2); c.ISWAP(1, 0);
                c.CRX(0, 1, c.Weight()); c.CRY(1, 2, c.Weight()); c.CRZ(2, 0, c.Weight()); c.CPhase(0, 2, c.Weight());
                c.RXX(0, 1, c.Weight()); c.RYY(1, 2, c.Weight()); c.RZZ(0, 2, c.Weight());
                c.MultiRZ(c.Weight(), 0, 1, 2); c.PauliRot(c.Weight(), "XIZ", 2, 1, 0);
                c.Toffoli(0, 1, 2); c.CSWAP(2, 0, 1);
            }
        }
        """, "Gates.AllGates.Ansatz.g.cs");

    [Fact]
    public void UnsupportedBody_EmitsStubThatThrows() => Verify("""
        using NegLR;

        namespace Broken;

        [Ansatz(Qubits = 2)]
        [Observable("Z0")]
        public partial struct WhileLoop
        {
            [Circuit]
            static void Build(Circuit c)
            {
                int q = 0;
                while (q < 2) { c.H(q); q++; }
            }
        }
        """, "Broken.WhileLoop.Ansatz.g.cs");
}
