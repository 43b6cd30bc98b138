extern alias generator;

using static NegLR.Generator.Tests.Parsing.ReaderHarness;

namespace NegLR.Generator.Tests.Parsing;

/// <summary>The reader's compile-time circuit equals, gate by gate, the circuit the same body records at run time.</summary>
public sealed class ReaderMatchesRuntimeTests
{
    [Fact]
    public void DesignExample_RecordsTheDocumentedClassifier()
    {
        var gates = AssertMatchesRuntime(Body("""
            for (int q = 0; q < 4; q++) c.RY(q, c.Input(q));
            for (int layer = 0; layer < 3; layer++)
            {
                for (int q = 0; q < 4; q++) { c.RY(q, c.Weight()); c.RZ(q, c.Weight()); }
                for (int q = 0; q < 3; q++) c.CNOT(q, q + 1);
            }
            """), qubits: 4);

        Assert.Equal(4 + 3 * (8 + 3), gates.Length);
        Assert.Equal("RY(x[0]) q0", gates[0]);
        Assert.Equal("CNOT q2, q3", gates[^1]);
    }

    [Fact]
    public void NestedLoops_WithBoundsFromOuterVariables()
    {
        AssertMatchesRuntime(Body("""
            for (int i = 0; i < 5; i++)
                for (int j = i + 1; j < 5; j++)
                    for (int k = 0; k < j - i; k++)
                        c.CRZ(i, j, c.Weight());
            """), qubits: 5);
    }

    [Fact]
    public void ConstFieldsOfAnotherClass_FoldIntoBoundsAndAngles()
    {
        AssertMatchesRuntime(Body("""
            const int local = 2;
            for (int l = 0; l < Config.Layers; l++)
                for (int q = 0; q < local; q++)
                    c.RX(q, Config.Scale * c.Weight() + Config.Layers);
            """), qubits: 2);
    }

    [Fact]
    public void MathFunctionsAndConstants_MatchSystemMath()
    {
        AssertMatchesRuntime(Body("""
            c.RX(0, Math.PI / 4).RY(0, Math.E).RZ(0, Math.Tau - 1);
            c.RX(0, Math.Sqrt(2)).RY(0, Math.Sin(0.3)).RZ(0, Math.Cos(0.3)).RX(0, Math.Tan(0.3));
            c.RX(0, Math.Asin(0.5)).RY(0, Math.Acos(0.5)).RZ(0, Math.Atan(2)).RX(0, Math.Atan2(1, -2));
            c.RX(0, Math.Exp(0.7)).RY(0, Math.Log(3)).RZ(0, Math.Log10(42)).RX(0, Math.Pow(2, 0.5));
            c.RX(0, Math.Abs(-1.25)).RY(0, Math.Abs(-3)).RZ(0, Math.Min(1.5, 2)).RX(0, Math.Max(2, 7));
            c.RX(0, Math.Floor(2.7)).RY(0, Math.Ceiling(2.1)).RZ(0, Math.Round(2.5)).RX(0, Math.Round(3.14159, 2));
            c.RX(0, Math.Sinh(0.5) + Math.Cosh(0.5) * Math.Tanh(0.5)).RY(0, Math.Sign(-2.5) + Math.Truncate(-1.5));
            c.H((int)Math.Floor(1.9) + Math.Abs(-1) + Math.Max(0, -4));
            """), qubits: 4);
    }

    [Fact]
    public void SharedWeights_ReuseTheirIndex()
    {
        var gates = AssertMatchesRuntime(Body("""
            for (int l = 0; l < 2; l++)
            {
                var gamma = c.Weight(2 * l);
                var beta = c.Weight(2 * l + 1);
                for (int q = 0; q < 2; q++) c.RZZ(q, (q + 1) % 3, gamma);
                for (int q = 0; q < 3; q++) c.RX(q, 2 * beta);
            }
            c.RY(0, c.Weight());
            """), qubits: 3);

        Assert.Equal("RY(w[4]) q0", gates[^1]);
    }

    [Fact]
    public void Inputs_AreReadByIndex()
    {
        AssertMatchesRuntime(Body("""
            for (int q = 0; q < 3; q++) c.RY(q, c.Input(2 - q));
            c.RZ(1, c.Input(5));
            """), qubits: 3);
    }

    [Fact]
    public void AffineAngles_FoldLikeAngleOperators()
    {
        var gates = AssertMatchesRuntime(Body("""
            c.RX(0, 2 * c.Weight() + Math.PI);
            c.RY(1, -c.Input(0));
            c.RZ(0, c.Weight(0) / 2);
            c.RX(1, Math.PI - c.Weight(1));
            c.RY(0, c.Input(1) * 0.25 - 1);
            c.RZ(1, c.Weight().Multiply(3).Add(0.5));
            Angle theta = 0.75;
            theta = theta * 2;
            theta += 1;
            c.PhaseShift(0, theta);
            Angle shared = c.Weight(7);
            shared -= 0.5;
            c.CRX(0, 1, shared).CRY(1, 0, -shared).CPhase(0, 1, shared * -1);
            """), qubits: 2);

        Assert.Equal("RX(2*w[0]+3.141592653589793) q0", gates[0]);
        Assert.Equal("RY(-x[0]) q1", gates[1]);
    }

    [Theory]
    [InlineData("c.AngleEmbedding(3);", 3)]
    [InlineData("c.AngleEmbedding(features: 2, rotation: Rotation.Y, firstInput: 1);", 4)]
    [InlineData("c.AngleEmbedding(2, firstInput: 3);", 2)]
    [InlineData("c.BasicEntanglerLayers(2);", 1)]
    [InlineData("c.BasicEntanglerLayers(2);", 2)]
    [InlineData("c.BasicEntanglerLayers(layers: 2, rotation: Rotation.Z);", 4)]
    [InlineData("c.StronglyEntanglingLayers(3);", 1)]
    [InlineData("c.StronglyEntanglingLayers(3);", 2)]
    [InlineData("c.StronglyEntanglingLayers(4);", 4)]
    [InlineData("c.HardwareEfficient(2);", 1)]
    [InlineData("c.HardwareEfficient(3);", 5)]
    [InlineData("c.QaoaMaxCut(new[] { (0, 1), (1, 2), (2, 0) }, 2);", 3)]
    [InlineData("c.AngleEmbedding(4, Rotation.Z).StronglyEntanglingLayers(2).HardwareEfficient(1);", 4)]
    public void Templates_RecordTheSameLayers(string statements, int qubits)
    {
        AssertMatchesRuntime(Body(statements), qubits);
    }

    [Fact]
    public void Qaoa_WithAnEdgeArrayLocal()
    {
        AssertMatchesRuntime(Body("""
            var ring = new[] { (0, 1), (1, 2), (2, 3), (3, 0) };
            (int, int)[] chords = new (int, int)[] { (0, 2), (1, 3) };
            c.QaoaMaxCut(ring, 2);
            c.QaoaMaxCut(edges: chords, layers: 1);
            """), qubits: 4);
    }

    [Fact]
    public void Qaoa_WrittenOutWithForeachDeconstruction()
    {
        AssertMatchesRuntime(Body("""
            var edges = new[] { (0, 1), (1, 2), (2, 3) };
            for (int q = 0; q < 4; q++) c.H(q);
            for (int l = 0; l < 2; l++)
            {
                var gamma = c.Weight();
                var beta = c.Weight();
                foreach (var (u, v) in edges) c.RZZ(u, v, -gamma);
                foreach ((int u, int v) e in edges) c.CZ(e.u, e.Item2);
                for (int i = 0; i < edges.Length; i++) c.CNOT(edges[i].Item1, edges[i].Item2);
                for (int q = 0; q < c.Qubits; q++) c.RX(q, 2 * beta);
            }
            """), qubits: 4);
    }

    [Fact]
    public void FluentChains_RecordInOrder()
    {
        var gates = AssertMatchesRuntime(Body("""
            c.H(0).CNOT(0, 1).RY(1, c.Weight()).CX(1, 2).Toffoli(0, 1, 2).CSWAP(2, 0, 1);
            Circuit same = c.X(2);
            same.Y(1).Z(0).S(0).Sdg(1).T(2).Tdg(0).SX(1).I(2).SWAP(0, 2).ISWAP(1, 2).CY(0, 1).CZ(1, 2);
            c.RXX(0, 1, 0.1).RYY(1, 2, 0.2).Rot(0, 0.1, 0.2, 0.3).U3(1, 0.3, 0.2, 0.1);
            """), qubits: 3);

        Assert.Equal(new[] { "H q0", "CNOT q0, q1", "RY(w[0]) q1", "CX q1, q2" }[..3], gates[..3]);
    }

    [Fact]
    public void NamedAndOptionalArguments_BindLikeCSharp()
    {
        // Named arguments in source order decide which weight each angle gets, exactly as at run time.
        AssertMatchesRuntime(Body("""
            c.RY(theta: c.Weight(), qubit: 1);
            c.Rot(qubit: 0, omega: c.Weight(), theta: c.Weight(), phi: c.Weight());
            c.CRZ(target: 0, control: 1, theta: c.Input(0));
            c.Rotate(axis: Rotation.Z, qubit: 1, theta: 0.5);
            c.AngleEmbedding(rotation: Rotation.Y, features: 2);
            """), qubits: 2);
    }

    [Fact]
    public void IfElse_OnKnownValues()
    {
        AssertMatchesRuntime(Body("""
            for (int q = 0; q < 5; q++)
            {
                if (q % 2 == 0) c.H(q);
                else if (q == 3 || Config.Layers > 10) c.X(q);
                else { c.RZ(q, c.Weight()); }

                bool edge = q == 0 || q == 4;
                if (!edge && q < c.Qubits - 1) c.CNOT(q, q + 1);
                c.RY(q, q > 2 ? c.Input(q) : c.Weight());
            }
            """), qubits: 5);
    }

    [Fact]
    public void BreakContinueAndReturn_LeaveTheRightLoop()
    {
        AssertMatchesRuntime(Body("""
            for (int i = 0; ; i++)
            {
                if (i == 1) continue;
                if (i > 3) break;
                for (int j = 0; j < 4; j++)
                {
                    if (j == i) continue;
                    if (j > 2) break;
                    c.CNOT(i, j);
                }
            }

            foreach (var q in new[] { 3, 2, 1, 0 })
            {
                if (q == 1) return;
                c.H(q);
            }

            c.X(0);
            """), qubits: 4);
    }

    [Fact]
    public void Foreach_OverLocalArrays()
    {
        AssertMatchesRuntime(Body("""
            int[] wires = { 2, 0, 1 };
            foreach (int q in wires) c.H(q);
            double[] angles = new double[] { 0.1, 0.2, 0.3 };
            foreach (var a in angles) c.RZ(0, a);
            foreach (double a in new[] { 1, 2 }) c.RY(1, a / 4);
            Angle[] thetas = { c.Weight(), c.Weight() + 1, 0.5 };
            foreach (var t in thetas) c.RX(2, t);
            """), qubits: 3);
    }

    [Fact]
    public void LocalsAndArithmetic_FollowCSharpSemantics()
    {
        AssertMatchesRuntime(Body("""
            int n = 7;
            n /= 2;
            n += 10 % 4;
            n--;
            int m = n++ + ++n;
            double half = n / 2;
            double exact = n / 2.0;
            var shift = (1 << 3) >> 2;
            int truncated = (int)-2.7;
            int big = int.MaxValue;
            big += 1;
            c.RZ(0, half).RZ(0, exact).RZ(0, m).RZ(0, shift).RZ(0, truncated).RZ(0, big);
            c.RZ(0, (double)7 / 2).RZ(0, (int)(7.0 / 2)).RZ(0, -n % 3).RZ(0, 1e-3 * n).RZ(0, (n & 6) ^ 3 | 8);
            bool flag = true;
            flag &= n > 3;
            flag = flag ^ false;
            if (flag) c.H(1);
            int[] slots = new int[3];
            slots[1] = 2;
            slots[2] += slots[1] * 2;
            c.CNOT(slots[1], slots[0]).RY(slots[2] - 3, 0.5);
            var (a, b) = (0, 1);
            (a, b) = (b, a);
            c.CNOT(a, b);
            var pair = (first: 2, second: 0.25);
            c.RX(pair.first, pair.second);
            c.RX(0, checked(n * 2));
            c.RX(0, default(Angle));
            """), qubits: 3);
    }

    [Fact]
    public void MoreCSharp_EnumsStringsAndLoopsWithTwoVariables()
    {
        AssertMatchesRuntime(Body("""
            for (int i = 0, j = 3; i < j; i++, j--) c.CNOT(i, j);
            var axis = (Rotation)1;
            c.Rotate(axis, 0, 0.5);
            c.AngleEmbedding(2, axis == Rotation.Y ? Rotation.Z : Rotation.X);
            string word = nameof(c) == "c" ? "XY" : "ZZ";
            if (word != "ZZ") c.PauliRot(0.1, word, 0, 1);
            int z = default;
            c.H(z + sizeof(int) - 4);
            int k = 0;
            k = k++ + ++k;
            c.H(k % 4);
            var w = c.Weight();
            if (w == c.Weight(0) && w != c.Input(0)) c.RY(3, w);
            Angle[] thetas = new Angle[2];
            thetas[1] += 0.5;
            thetas[0] = c.Weight() * 3;
            c.RX(2, thetas[0]).RX(2, thetas[1]);
            unchecked
            {
                int b = int.MaxValue;
                b++;
                c.H(b < 0 ? 1 : 2);
            }

            c.RY(0, (int)-2.5 + (double)(7 / 2) + 7.0 % 2.5);
            """), qubits: 4);
    }

    [Fact]
    public void MultiQubitRotations_TakeParamsAndArrays()
    {
        AssertMatchesRuntime(Body("""
            const string word = "XZY";
            c.MultiRZ(c.Weight(), 0, 1, 2);
            c.MultiRZ(0.5, new[] { 2, 0 });
            c.PauliRot(c.Weight(), "XY", 0, 1);
            c.PauliRot(c.Input(0), word, new[] { 2, 1, 0 });
            c.PauliRot(theta: 0.1, word: "Z" + "Z", qubits: new[] { 0, 2 });
            """), qubits: 3);
    }

    [Fact]
    public void ExpressionBody_IsRead()
    {
        const string source = """
            using NegLR;
            public static class Subject
            {
                [Circuit]
                private static void Build(Circuit circuit) => circuit.H(0).CNOT(0, 1);
            }
            """;

        Assert.Equal(new[] { "H q0", "CNOT q0, q1" }, AssertMatchesRuntime(source, qubits: 2));
    }

    [Fact]
    public void EmptyBody_RecordsNothing()
    {
        Assert.Empty(AssertMatchesRuntime(Body(";"), qubits: 1));
    }

    [Fact]
    public void CircuitProperties_AreKnownWhileRecording()
    {
        AssertMatchesRuntime(Body("""
            c.HardwareEfficient(1);
            for (int i = 0; i < c.WeightCount; i++) c.RZ(i % c.Qubits, c.Weight(i));
            c.RY(0, c.Depth).RY(1, c.MultiQubitGateCount).RY(2, c.InputCount);
            """), qubits: 3);
    }

    [Fact]
    public void Result_IsTheGeneratorsLinkedCircuit()
    {
        var result = Read(Body("c.H(0);"), qubits: 2);

        Assert.True(result.Succeeded);
        Assert.IsType<generator::NegLR.Circuit>(result.Circuit);
        Assert.Equal(2, result.Circuit!.Qubits);
    }
}
