using System;
using System.Collections.Generic;
using System.Linq;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Simulation;

/// <summary>
/// Exactly known values: closed forms of small circuits, the four-term shift rule, the PennyLane qubit-rotation demo
/// and the QAOA p = 1 closed forms. Each runtime value is also checked against the dense reference, so a wrong closed form and a wrong
/// simulator cannot agree by accident.
/// </summary>
public class ExactValueTests
{
    private const double Tol = 1e-12;

    private static readonly double[] Thetas = { 0.7, -2.1, 3.9, Math.PI };

    private static readonly double[] None = Array.Empty<double>();

    /// <summary>⟨O⟩ by the runtime, asserted equal to the dense reference.</summary>
    private static double Expect(Circuit c, string observable, params double[] weights) => Expect(c, TestData.Obs(observable), weights);

    private static double Expect(Circuit c, PauliSum observable, params double[] weights)
    {
        var interpreter = new CircuitInterpreter(c);
        double value = interpreter.Evaluate(weights, observable, interpreter.CreateWorkspace());
        double dense = new DenseReferenceSimulator(c.Qubits).Evaluate(c, weights, None, observable);
        Assert.Equal(dense, value, Tol);
        return value;
    }

    private static StateVector Prepare(Circuit c, params double[] weights)
    {
        var state = new StateVector(c.Qubits);
        new CircuitInterpreter(c).Prepare(weights, None, state);
        return state;
    }

    [Fact]
    public void RY_OnZero_ZIsCosXIsSinYIsZero()
    {
        // Closed form: RY(θ)|0>: <Z> = cos θ, <X> = sin θ, <Y> = 0.
        foreach (double t in Thetas)
        {
            var c = new Circuit(1).RY(0, t);
            Assert.Equal(Math.Cos(t), Expect(c, "Z0"), Tol);
            Assert.Equal(Math.Sin(t), Expect(c, "X0"), Tol);
            Assert.Equal(0, Expect(c, "Y0"), Tol);
        }
    }

    [Fact]
    public void RX_OnZero_ZIsCosYIsMinusSinXIsZero()
    {
        // Closed form: RX(θ)|0>: <Z> = cos θ, <Y> = −sin θ, <X> = 0.
        foreach (double t in Thetas)
        {
            var c = new Circuit(1).RX(0, t);
            Assert.Equal(Math.Cos(t), Expect(c, "Z0"), Tol);
            Assert.Equal(-Math.Sin(t), Expect(c, "Y0"), Tol);
            Assert.Equal(0, Expect(c, "X0"), Tol);
        }
    }

    [Fact]
    public void RZ_OnPlus_XIsCosYIsSin()
    {
        // Closed form: RZ(φ)|+>: <X> = cos φ, <Y> = sin φ.
        foreach (double t in Thetas)
        {
            var c = new Circuit(1).H(0).RZ(0, t);
            Assert.Equal(Math.Cos(t), Expect(c, "X0"), Tol);
            Assert.Equal(Math.Sin(t), Expect(c, "Y0"), Tol);
        }
    }

    [Fact]
    public void U3_OnZero_BlochVectorIsSinThetaCosPhiSinThetaSinPhiCosTheta()
    {
        // Closed form: U3(θ,φ,λ)|0>: <Z> = cos θ, <X> = sin θ cos φ, <Y> = sin θ sin φ (checked at θ=0.7, φ=0.3, λ=1.1).
        foreach (var (t, p, l) in new[] { (0.7, 0.3, 1.1), (2.5, -1.9, 0.4), (-0.8, 4.0, -3.0) })
        {
            var c = new Circuit(1).U3(0, t, p, l);
            Assert.Equal(Math.Cos(t), Expect(c, "Z0"), Tol);
            Assert.Equal(Math.Sin(t) * Math.Cos(p), Expect(c, "X0"), Tol);
            Assert.Equal(Math.Sin(t) * Math.Sin(p), Expect(c, "Y0"), Tol);
        }
    }

    [Fact]
    public void HRzH_OnZero_ProbabilityOfZeroIsCosSquaredHalfPhi()
    {
        // Closed form: H; RZ(φ); H on |0>: P(0) = cos²(φ/2).
        foreach (double t in Thetas)
        {
            var state = Prepare(new Circuit(1).H(0).RZ(0, t).H(0));
            Assert.Equal(Math.Pow(Math.Cos(t / 2), 2), state.Probability(0), Tol);
        }
    }

    [Fact]
    public void RXThenRY_ZIsProductOfCosines()
    {
        // Closed form (PennyLane qubit-rotation demo): RX(φ1) then RY(φ2) on |0>: <Z> = cos φ1 cos φ2.
        var c = new Circuit(1);
        c.RX(0, c.Weight()).RY(0, c.Weight());
        foreach (var (a, b) in new[] { (0.54, 0.12), (1.3, -2.2), (3.0, 0.5) })
        {
            Assert.Equal(Math.Cos(a) * Math.Cos(b), Expect(c, TestData.Obs("Z0"), a, b), Tol);
        }
    }

    [Fact]
    public void Bell_HalfHalfAndCorrelations()
    {
        // Closed form: Bell (H q0; CNOT q0→q1): P(00)=P(11)=1/2, <Z0Z1>=1, <X0X1>=1, <Y0Y1>=−1.
        var c = new Circuit(2).H(0).CNOT(0, 1);
        var state = Prepare(c);
        Assert.Equal(0.5, state.Probability(0b00), Tol);
        Assert.Equal(0.5, state.Probability(0b11), Tol);
        Assert.Equal(0, state.Probability(0b01), Tol);
        Assert.Equal(1, Expect(c, "Z0 Z1"), Tol);
        Assert.Equal(1, Expect(c, "X0 X1"), Tol);
        Assert.Equal(-1, Expect(c, "Y0 Y1"), Tol);
        Assert.Equal(0, Expect(c, "Z0"), Tol);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Ghz_HalfHalf_XStringIsOne_EveryZZIsOne(int n)
    {
        // Closed form: GHZ_n: P(0^n)=P(1^n)=1/2, <X^{⊗n}> = 1, <Z_i Z_j> = 1.
        var c = new Circuit(n).H(0);
        for (int q = 0; q + 1 < n; q++)
        {
            c.CNOT(q, q + 1);
        }

        var state = Prepare(c);
        Assert.Equal(0.5, state.Probability(0), Tol);
        Assert.Equal(0.5, state.Probability((1 << n) - 1), Tol);
        Assert.Equal(1, Expect(c, string.Join(' ', Enumerable.Range(0, n).Select(q => $"X{q}"))), Tol);
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                Assert.Equal(1, Expect(c, $"Z{i} Z{j}"), Tol);
            }
        }
    }

    [Fact]
    public void IsingZZ_OnPlusPlus_EachXIsCosPhi()
    {
        // Closed form: IsingZZ(φ)|++>: <X_0> = <X_1> = cos φ.
        foreach (double t in Thetas)
        {
            var c = new Circuit(2).H(0).H(1).RZZ(0, 1, t);
            Assert.Equal(Math.Cos(t), Expect(c, "X0"), Tol);
            Assert.Equal(Math.Cos(t), Expect(c, "X1"), Tol);
        }
    }

    [Fact]
    public void IsingXX_OnZeroZero_IsCosZeroZeroMinusISinOneOne()
    {
        // Closed form: IsingXX(φ)|00> = cos(φ/2)|00> − i sin(φ/2)|11>: <Z_0> = cos φ, P(11) = sin²(φ/2).
        foreach (double t in Thetas)
        {
            var c = new Circuit(2).RXX(0, 1, t);
            var state = Prepare(c);
            Assert.Equal(Math.Cos(t / 2), state[0b00].Real, Tol);
            Assert.Equal(-Math.Sin(t / 2), state[0b11].Imaginary, Tol);
            Assert.Equal(Math.Pow(Math.Sin(t / 2), 2), state.Probability(0b11), Tol);
            Assert.Equal(Math.Cos(t), Expect(c, "Z0"), Tol);
        }
    }

    [Fact]
    public void CRX_ControlOneOrPlus_TargetZIsCosOrHalfOnePlusCos()
    {
        // Closed form: CRX(θ) control |1>, target |0>: <Z_t> = cos θ; control |+>: <Z_t> = (1 + cos θ)/2.
        foreach (double t in Thetas)
        {
            foreach (var (control, target) in new[] { (0, 1), (1, 0), (2, 0) })
            {
                var one = new Circuit(3).X(control).CRX(control, target, t);
                Assert.Equal(Math.Cos(t), Expect(one, $"Z{target}"), Tol);
                var plus = new Circuit(3).H(control).CRX(control, target, t);
                Assert.Equal((1 + Math.Cos(t)) / 2, Expect(plus, $"Z{target}"), Tol);
            }
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void CRX_FourTermRule_GivesExactGradientNotTheNaiveTwoTermValue(int control, int target)
    {
        // Four-term rule, closed form: control |+>, target |0>, CRX(φ), observable X on the control → f(φ) = cos(φ/2).
        // At φ = 0.7: f = 0.9393727128473788, f' = −0.1714489037277257; the naive two-term rule gives −0.2424653649057486.
        var c = new Circuit(2).H(control);
        c.CRX(control, target, c.Weight());
        var interpreter = new CircuitInterpreter(c);
        var ws = interpreter.CreateWorkspace();
        var w = new[] { 0.7 };
        var observable = TestData.Obs($"X{control}");
        var gradient = new double[1];

        double f = interpreter.ParameterShiftGradient(w, None, observable, gradient, ws);
        Assert.Equal(0.9393727128473788, f, Tol);
        Assert.Equal(-0.1714489037277257, gradient[0], Tol);
        Assert.Equal(4, interpreter.ParameterShiftEvaluations());

        interpreter.EvaluateWithGradient(w, observable, gradient, ws);
        Assert.Equal(-0.1714489037277257, gradient[0], Tol);

        // The naive rule [f(φ+π/2) − f(φ−π/2)]/2 from the runtime's own values is the documented wrong number.
        double plus = interpreter.Evaluate(new[] { 0.7 + (Math.PI / 2) }, observable, ws);
        double minus = interpreter.Evaluate(new[] { 0.7 - (Math.PI / 2) }, observable, ws);
        Assert.Equal(-0.2424653649057486, (plus - minus) / 2, Tol);
    }

    [Fact]
    public void PennyLaneQubitRotationDemo_ValueGradientAndGradientDescent()
    {
        // PennyLaneAI/qml demonstrations/tutorial_qubit_rotation.py (its setup; the values recomputed): f = cos φ1 cos φ2.
        var c = new Circuit(1);
        c.RX(0, c.Weight()).RY(0, c.Weight());
        var interpreter = new CircuitInterpreter(c);
        var ws = interpreter.CreateWorkspace();
        var z = PauliSum.Z(0);
        var gradient = new double[2];

        Assert.Equal(0.8515405859048365, interpreter.EvaluateWithGradient(new[] { 0.54, 0.12 }, z, gradient, ws), Tol);
        Assert.Equal(-0.5104386525165019, gradient[0], Tol);
        Assert.Equal(-0.1026781994569318, gradient[1], Tol);
        interpreter.ParameterShiftGradient(new[] { 0.54, 0.12 }, None, z, gradient, ws);
        Assert.Equal(-0.5104386525165019, gradient[0], Tol);
        Assert.Equal(-0.1026781994569318, gradient[1], Tol);

        // Plain gradient descent, step 0.4, from (0.011, 0.012); cost after every fifth step.
        var expected = new Dictionary<int, double>
        {
            [5] = 0.9961778357, [10] = 0.8974943571, [15] = 0.1440490175, [20] = -0.1536719552, [25] = -0.9152495621,
            [30] = -0.9994045889, [35] = -0.9999963961, [40] = -0.9999999782, [45] = -0.9999999999,
        };
        var p = new[] { 0.011, 0.012 };
        Assert.Equal(0.9998675058299391, interpreter.Evaluate(p, z, ws), Tol);
        for (int step = 1; step <= 100; step++)
        {
            interpreter.EvaluateWithGradient(p, z, gradient, ws);
            p[0] -= 0.4 * gradient[0];
            p[1] -= 0.4 * gradient[1];
            if (expected.TryGetValue(step, out double cost))
            {
                Assert.Equal(cost, interpreter.Evaluate(p, z, ws), 1e-9);
            }
        }

        // Final (100 steps) params = [7.152663805329138e-18, 3.141592653589793].
        Assert.Equal(7.152663805329138e-18, p[0], 1e-16);
        Assert.Equal(3.141592653589793, p[1], Tol);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(8)]
    public void QaoaRing_P1_CostPerEdgeIsThreeQuartersAtTheOptimum(int n)
    {
        // QAOA (Farhi et al. arXiv:1411.4028; Wang et al. PRA 97, 022304): 2-regular rings,
        // <C>/m = 1/2 + (1/4) sin 4β sin 2γ → max 3/4 at γ = π/4, β = π/8.
        var edges = Enumerable.Range(0, n).Select(q => (q, (q + 1) % n)).ToArray();
        var (interpreter, cost) = Qaoa(n, edges);
        var ws = interpreter.CreateWorkspace();
        var gradient = new double[2];
        double value = interpreter.EvaluateWithGradient(new[] { Math.PI / 4, Math.PI / 8 }, cost, gradient, ws);
        Assert.Equal(0.75, value / n, Tol);
        // It is the maximum, so the gradient vanishes there.
        Assert.Equal(0, gradient[0], 1e-10);
        Assert.Equal(0, gradient[1], 1e-10);

        foreach (var (gamma, beta) in new[] { (0.3, 0.2), (1.1, -0.7), (-0.4, 2.0) })
        {
            double closed = 0.5 + (0.25 * Math.Sin(4 * beta) * Math.Sin(2 * gamma));
            Assert.Equal(closed, Expect(interpreter.Circuit, cost, gamma, beta) / n, Tol);
        }
    }

    [Fact]
    public void QaoaBipartiteCubicGraphs_P1_RatioIs0_6924500897()
    {
        // QAOA: triangle-free 3-regular, <C_uv> = 1/2 + (1/2) sin 4β sin γ cos²γ, max 1/2 + 1/(3√3) =
        // 0.6924500897 at β = π/8, γ = arctan(1/√2); for bipartite graphs MaxCut = m, so this is the ratio.
        var cube = new[] { (0, 1), (1, 3), (3, 2), (2, 0), (4, 5), (5, 7), (7, 6), (6, 4), (0, 4), (1, 5), (2, 6), (3, 7) };
        var k33 = new[] { (0, 3), (0, 4), (0, 5), (1, 3), (1, 4), (1, 5), (2, 3), (2, 4), (2, 5) };
        foreach (var (n, edges) in new[] { (8, cube), (6, k33) })
        {
            var (interpreter, cost) = Qaoa(n, edges);
            var w = new[] { Math.Atan(1 / Math.Sqrt(2)), Math.PI / 8 };
            double ratio = interpreter.Evaluate(w, cost, interpreter.CreateWorkspace()) / edges.Length;
            Assert.Equal(0.6924500897, ratio, 1e-10);
            Assert.Equal(0.5 + (1 / (3 * Math.Sqrt(3))), ratio, Tol);
        }
    }

    [Fact]
    public void QaoaGraphsWithTriangles_P1_MatchWangEdgeFormula()
    {
        // QAOA (Wang, Hadfield, Jiang, Rieffel, PRA 97, 022304, 2018), d = deg − 1, λ = triangles on the edge:
        // <C_uv> = 1/2 + ¼ sin 4β sin γ [cos^{d_u} γ + cos^{d_v} γ] − ¼ sin² 2β cos^{d_u+d_v−2λ} γ [1 − cos^λ 2γ].
        var graphs = new[]
        {
            (4, new[] { (0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3) }),   // K4
            (4, new[] { (0, 1), (1, 2), (2, 0), (2, 3) }),                   // triangle with a pendant vertex
            (5, new[] { (0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 2) }),   // bow tie
        };
        foreach (var (n, edges) in graphs)
        {
            var (interpreter, cost) = Qaoa(n, edges);
            foreach (var (gamma, beta) in new[] { (0.6, 0.35), (1.3, -0.2) })
            {
                double expected = edges.Sum(e => WangEdge(edges, e.Item1, e.Item2, gamma, beta));
                Assert.Equal(expected, Expect(interpreter.Circuit, cost, gamma, beta), Tol);
            }
        }
    }

    private static double WangEdge((int, int)[] edges, int u, int v, double gamma, double beta)
    {
        int Degree(int a) => edges.Count(e => e.Item1 == a || e.Item2 == a);
        bool Adjacent(int a, int b) => edges.Any(e => (e.Item1 == a && e.Item2 == b) || (e.Item1 == b && e.Item2 == a));
        int du = Degree(u) - 1, dv = Degree(v) - 1;
        int lambda = edges.SelectMany(e => new[] { e.Item1, e.Item2 }).Distinct()
            .Count(w => w != u && w != v && Adjacent(w, u) && Adjacent(w, v));
        double cg = Math.Cos(gamma);
        return 0.5 + (0.25 * Math.Sin(4 * beta) * Math.Sin(gamma) * (Math.Pow(cg, du) + Math.Pow(cg, dv)))
            - (0.25 * Math.Pow(Math.Sin(2 * beta), 2) * Math.Pow(cg, du + dv - (2 * lambda)) * (1 - Math.Pow(Math.Cos(2 * gamma), lambda)));
    }

    /// <summary>The p = 1 QAOA interpreter and C = Σ (1 − Z_u Z_v)/2 = m/2 − ½ Σ Z_u Z_v.</summary>
    private static (CircuitInterpreter Interpreter, PauliSum Cost) Qaoa(int n, (int, int)[] edges)
    {
        var circuit = new Circuit(n).QaoaMaxCut(edges, 1);
        var cost = new PauliSum(edges.Select(e => new PauliTerm(-0.5, 0, (1 << e.Item1) | (1 << e.Item2))), constant: edges.Length / 2.0);
        return (new CircuitInterpreter(circuit), cost);
    }
}
