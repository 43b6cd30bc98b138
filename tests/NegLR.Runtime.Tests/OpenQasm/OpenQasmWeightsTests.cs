using System;
using System.Globalization;
using System.Linq;
using static NegLR.Tests.OpenQasmTestSupport;

namespace NegLR.Tests;

/// <summary>
/// <see cref="QasmImportOptions.AnglesAsWeights"/>: one fresh weight per rotation angle of the flattened program, in
/// program order, whose gradients are the derivatives with respect to the angles written in the program.
/// </summary>
public class OpenQasmWeightsTests
{
    private const double Step = 1e-5;

    // {k} are the program's written angles; the user gate reuses its parameter a twice (ry(a) and crx(a/2)).
    private const string Template = """
        OPENQASM 2.0;
        include "qelib1.inc";
        qreg q[3];
        creg c[3];
        gate layer(a, b) x, y { ry(a) x; rz(b) y; cx x, y; crx(a/2) x, y; }
        h q;
        rx({0}) q[0];
        u3({1}, {2}, {3}) q[1];
        layer({4}, {5}) q[1], q[2];
        cu3({6}, {7}, {8}) q[2], q[0];
        rzz({9}) q[0], q[2];
        rxx({10}) q[1], q[0];
        ry({11}) q;
        cu({12}, {13}, {14}, {15}) q[0], q[1];
        u2({16}, {17}) q[2];
        sx q[1];
        measure q -> c;
        """;

    private static readonly double[] Written =
        { 0.3, 0.7, 0.2, -0.4, 0.9, -1.1, 0.5, 0.6, 0.7, 0.8, -0.6, 0.25, 0.35, -0.45, 0.55, 0.65, 0.15, -0.85 };

    // The flattened program's angles: ry(0.25) q gives three, layer gives ry(a), rz(b), crx(a/2); sx has none.
    private static readonly double[] ExpectedWeights =
        { 0.3, 0.7, 0.2, -0.4, 0.9, -1.1, 0.45, 0.5, 0.6, 0.7, 0.8, -0.6, 0.25, 0.25, 0.25, 0.35, -0.45, 0.55, 0.65, 0.15, -0.85 };

    // ∂/∂(written angle k) = Σ chain[k] over (weight, ∂weight/∂angle).
    private static readonly (int Weight, double Factor)[][] Chain =
    {
        new[] { (0, 1.0) }, new[] { (1, 1.0) }, new[] { (2, 1.0) }, new[] { (3, 1.0) },
        new[] { (4, 1.0), (6, 0.5) }, new[] { (5, 1.0) },
        new[] { (7, 1.0) }, new[] { (8, 1.0) }, new[] { (9, 1.0) }, new[] { (10, 1.0) }, new[] { (11, 1.0) },
        new[] { (12, 1.0), (13, 1.0), (14, 1.0) },
        new[] { (15, 1.0) }, new[] { (16, 1.0) }, new[] { (17, 1.0) }, new[] { (18, 1.0) }, new[] { (19, 1.0) }, new[] { (20, 1.0) },
    };

    // 0.7 Z0 + 0.4 X1 − 0.3 Y2 + 0.5 Z0Z2 + 0.2 X0Y1 (masks: bit q of X for X/Y, of Z for Z/Y).
    private static readonly PauliSum Observable = new(new[]
    {
        new PauliTerm(0.7, 0, 1), new PauliTerm(0.4, 2, 0), new PauliTerm(-0.3, 4, 4),
        new PauliTerm(0.5, 0, 5), new PauliTerm(0.2, 3, 2),
    });

    private static readonly QasmImportOptions AsWeights = new() { AnglesAsWeights = true };

    [Fact]
    public void AnglesAsWeights_GivesOneWeightPerFlattenedAngle_InProgramOrder()
    {
        var program = OpenQasm.Parse(Program(Written), AsWeights);
        Assert.Equal(ExpectedWeights, program.InitialWeights.ToArray());
        Assert.Equal(ExpectedWeights.Length, program.Circuit.WeightCount);

        // Every weight drives some gate. (Within one application the weights follow the parameter order, e.g. cu3's θ, φ,
        // λ, even where the emitted gates use them in another order; the chain-rule test pins each one's meaning.)
        var used = program.Circuit.Gates.SelectMany(g => g.Angles).Where(a => a.IsTrainable).Select(a => a.Index).Distinct().Order();
        Assert.Equal(Enumerable.Range(0, ExpectedWeights.Length), used);
    }

    [Fact]
    public void AnglesAsWeights_AtTheInitialWeights_PreparesTheSameStateAsConstants()
    {
        var weighted = OpenQasm.Parse(Program(Written), AsWeights);
        var constant = OpenQasm.Parse(Program(Written));
        Assert.Equal(0, constant.Circuit.WeightCount);
        AssertSameState(StateOf(constant), StateOf(weighted));
    }

    [Fact]
    public void AnglesAsWeights_AdjointGradient_EqualsFiniteDifferencesOverWeights()
    {
        var program = OpenQasm.Parse(Program(Written), AsWeights);
        var interpreter = new CircuitInterpreter(program.Circuit);
        var workspace = interpreter.CreateWorkspace();
        double[] weights = program.InitialWeights.ToArray();
        var gradient = new double[weights.Length];
        interpreter.EvaluateWithGradient(weights, Observable, gradient, workspace);

        for (int i = 0; i < weights.Length; i++)
        {
            double[] plus = (double[])weights.Clone(), minus = (double[])weights.Clone();
            plus[i] += Step;
            minus[i] -= Step;
            double fd = (interpreter.Evaluate(plus, Observable, workspace) - interpreter.Evaluate(minus, Observable, workspace)) / (2 * Step);
            Assert.Equal(fd, gradient[i], 1e-8);
        }
    }

    [Fact]
    public void AnglesAsWeights_Gradient_IsTheDerivativeWithRespectToTheWrittenAngles()
    {
        // Finite differences over the program TEXT (re-importing with one written angle moved, angles constant) against
        // the chain rule over the weights: catches any weight mapped to the wrong angle, scale or gate.
        var program = OpenQasm.Parse(Program(Written), AsWeights);
        var interpreter = new CircuitInterpreter(program.Circuit);
        var gradient = new double[program.Circuit.WeightCount];
        interpreter.EvaluateWithGradient(program.InitialWeights.AsSpan(), Observable, gradient, interpreter.CreateWorkspace());

        double norm = 0;
        for (int k = 0; k < Written.Length; k++)
        {
            double[] plus = (double[])Written.Clone(), minus = (double[])Written.Clone();
            plus[k] += Step;
            minus[k] -= Step;
            double fd = (Expectation(plus) - Expectation(minus)) / (2 * Step);
            double chain = Chain[k].Sum(c => c.Factor * gradient[c.Weight]);
            Assert.True(Math.Abs(fd - chain) <= 1e-8, FormattableString.Invariant($"angle {k}: text FD {fd}, weights {chain}"));
            norm += fd * fd;
        }

        Assert.True(norm > 0.1, "the observable must depend on the angles, or the comparison proves nothing");
    }

    [Fact]
    public void AnglesAsWeights_LeavesQelib1InternalConstantsAndU0Alone()
    {
        var program = OpenQasm.Parse(
            "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[4];\nc3x q[0],q[1],q[2],q[3];\nch q[0],q[1];\ncsx q[1],q[2];\nrccx q[0],q[1],q[2];\nsx q[0];\nsxdg q[1];\nu0(3) q[2];\nu2(0.1, 0.2) q[3];",
            AsWeights);
        Assert.Equal(new[] { 0.1, 0.2 }, program.InitialWeights.ToArray());
        var u3 = program.Circuit.Gates[^1];
        Assert.Equal(GateKind.U3, u3.Kind);
        Assert.Equal(Angle.Constant(Math.PI / 2), u3.Angles[0]);
        Assert.Equal(Angle.OfWeight(0), u3.Angles[1]);
        Assert.Equal(Angle.OfWeight(1), u3.Angles[2]);
    }

    [Fact]
    public void AnglesAsWeights_ConstantsWrittenInAUserGateBody_AreRotationAnglesToo()
    {
        var program = OpenQasm.Parse("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ngate g a { rx(pi/2) a; }\ng q;", AsWeights);
        Assert.Equal(new[] { Math.PI / 2, Math.PI / 2 }, program.InitialWeights.ToArray());
    }

    [Fact]
    public void AnglesAsWeights_RxxSharesOneWeightAcrossItsBody()
    {
        var program = OpenQasm.Parse("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nrxx(0.3) q[0], q[1];", AsWeights);
        Assert.Equal(new[] { 0.3 }, program.InitialWeights.ToArray());
        var uses = program.Circuit.Gates.SelectMany(g => g.Angles).Where(a => a.IsTrainable).ToArray();
        Assert.Equal(3, uses.Length);
        Assert.All(uses, a => Assert.Equal(0, a.Index));
    }

    private static string Program(double[] angles)
    {
        string text = Template;
        for (int k = angles.Length - 1; k >= 0; k--)
        {
            text = text.Replace("{" + k.ToString(CultureInfo.InvariantCulture) + "}", angles[k].ToString("R", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }

    private static double Expectation(double[] angles)
    {
        var program = OpenQasm.Parse(Program(angles));
        var interpreter = new CircuitInterpreter(program.Circuit);
        return interpreter.Evaluate(ReadOnlySpan<double>.Empty, Observable, interpreter.CreateWorkspace());
    }
}
