using System;
using System.Collections.Immutable;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Simulation;

/// <summary>Bad arguments fail early with the right exception type, the parameter's name and a message naming the problem.</summary>
public class BadInputTests
{
    private static readonly double[] None = Array.Empty<double>();

    private static T Throws<T>(string paramName, string messagePart, Action action)
        where T : ArgumentException
    {
        var e = Assert.Throws<T>(action);
        Assert.Equal(paramName, e.ParamName);
        Assert.Contains(messagePart, e.Message, StringComparison.Ordinal);
        return e;
    }

    /// <summary>Two qubits, two weights (w0, w1), two inputs (x0, x1).</summary>
    private static CircuitInterpreter Interpreter()
    {
        var c = new Circuit(2);
        c.RY(0, c.Weight()).CRX(0, 1, c.Weight()).RZ(1, c.Input(1));
        return new CircuitInterpreter(c);
    }

    [Fact]
    public void WeightsOfTheWrongLength_AreRejectedByEveryCall()
    {
        var interpreter = Interpreter();
        var ws = interpreter.CreateWorkspace();
        var z = PauliSum.Z(0);
        var x = new[] { 0.1, 0.2 };
        var g = new double[2];
        foreach (var w in new[] { new double[1], new double[3], None })
        {
            Throws<ArgumentException>("weights", "2 weights", () => interpreter.Evaluate(w, x, z, ws));
            Throws<ArgumentException>("weights", "2 weights", () => interpreter.EvaluateWithGradient(w, x, z, g, ws));
            Throws<ArgumentException>("weights", "2 weights", () => interpreter.ParameterShiftGradient(w, x, z, g, ws));
            Throws<ArgumentException>("weights", "2 weights", () => interpreter.FiniteDifferenceGradient(w, x, z, g, ws));
            Throws<ArgumentException>("weights", "2 weights", () => interpreter.SpsaGradient(w, x, z, g, ws, 0.1, new SeededRandom(1)));
            Throws<ArgumentException>("weights", "2 weights", () => interpreter.Prepare(w, x, new StateVector(2)));
        }
    }

    [Fact]
    public void GradientOfTheWrongLength_IsRejectedByEveryGradientMethod()
    {
        var interpreter = Interpreter();
        var ws = interpreter.CreateWorkspace();
        var z = PauliSum.Z(0);
        var (w, x) = (new[] { 0.1, 0.2 }, new[] { 0.1, 0.2 });
        foreach (var g in new[] { new double[1], new double[3] })
        {
            Throws<ArgumentException>("gradient", "2 entries", () => interpreter.EvaluateWithGradient(w, x, z, g, ws));
            Throws<ArgumentException>("gradient", "2 entries", () => interpreter.ParameterShiftGradient(w, x, z, g, ws));
            Throws<ArgumentException>("gradient", "2 entries", () => interpreter.FiniteDifferenceGradient(w, x, z, g, ws));
            Throws<ArgumentException>("gradient", "2 entries", () => interpreter.SpsaGradient(w, x, z, g, ws, 0.1, new SeededRandom(1)));
        }
    }

    [Fact]
    public void TooFewInputs_AreRejected_MoreAreAllowed()
    {
        var interpreter = Interpreter();
        var ws = interpreter.CreateWorkspace();
        var w = new[] { 0.1, 0.2 };
        Throws<ArgumentException>("inputs", "reads 2 inputs, but 1 were given", () => interpreter.Evaluate(w, new[] { 0.5 }, PauliSum.Z(0), ws));
        Throws<ArgumentException>("inputs", "reads 2 inputs, but 0 were given", () => interpreter.Evaluate(w, PauliSum.Z(0), ws));
        Throws<ArgumentException>("inputs", "reads 2 inputs", () => interpreter.Prepare(w, new[] { 0.5 }, new StateVector(2)));
        interpreter.Evaluate(w, new[] { 0.5, 0.6, 0.7 }, PauliSum.Z(0), ws);
    }

    [Fact]
    public void QubitOutOfRange_IsRejectedWhenTheGateIsRecorded()
    {
        var c = new Circuit(3);
        Throws<ArgumentOutOfRangeException>("qubit", "qubits 0 to 2", () => c.RX(3, 0.1));
        Throws<ArgumentOutOfRangeException>("qubit", "qubit -1", () => c.H(-1));
        Throws<ArgumentOutOfRangeException>("target", "qubit 5", () => c.CNOT(0, 5));
        Throws<ArgumentOutOfRangeException>("control", "qubit 9", () => c.CRX(9, 0, 0.1));
        Throws<ArgumentOutOfRangeException>("b", "qubit 6", () => c.RZZ(0, 6, 0.1));
        Throws<ArgumentOutOfRangeException>("qubits", "qubit 8", () => c.Append(GateKind.CNOT, System.Collections.Immutable.ImmutableArray.Create(0, 8), System.Collections.Immutable.ImmutableArray<Angle>.Empty));
        Throws<ArgumentOutOfRangeException>("target", "qubit 3", () => c.Toffoli(0, 1, 3));
        Throws<ArgumentOutOfRangeException>("qubits", "qubit 7", () => c.MultiRZ(0.3, 0, 7));
        Throws<ArgumentOutOfRangeException>("qubits", "qubit 4", () => c.PauliRot(0.3, "XY", 4, 0));
        Assert.Empty(c.Gates);
    }

    [Fact]
    public void SameQubitTwiceInOneGate_IsRejected()
    {
        var c = new Circuit(3);
        Throws<ArgumentException>("target", "names qubit 1 twice", () => c.CNOT(1, 1));
        Throws<ArgumentException>("target", "names qubit 0 twice", () => c.CRX(0, 0, 0.2));
        Throws<ArgumentException>("b", "names qubit 2 twice", () => c.RZZ(2, 2, 0.2));
        Throws<ArgumentException>("target", "names qubit 0 twice", () => c.Toffoli(0, 1, 0));
        Throws<ArgumentException>("b", "names qubit 2 twice", () => c.CSWAP(1, 2, 2));
        Throws<ArgumentException>("qubits", "names qubit 2 twice", () => c.MultiRZ(0.1, 2, 1, 2));
        Throws<ArgumentException>("qubits", "names qubit 1 twice", () => c.PauliRot(0.1, "XY", 1, 1));
        Assert.Empty(c.Gates);
    }

    [Fact]
    public void NonFiniteConstantAngles_AreRejected()
    {
        var c = new Circuit(1);
        Throws<ArgumentException>("value", "finite", () => c.RX(0, double.NaN));
        Throws<ArgumentException>("value", "finite", () => c.RY(0, double.PositiveInfinity));
        Throws<ArgumentException>("value", "finite", () => c.Rot(0, 0.1, double.NegativeInfinity, 0.2));
        Throws<ArgumentException>("k", "finite", () => c.RZ(0, c.Weight() * double.NaN));
        Throws<ArgumentException>("b", "finite", () => c.RZ(0, c.Weight() + double.PositiveInfinity));
        // A scale that overflows to infinity is caught when the gate is recorded.
        Throws<ArgumentException>("angles", "finite", () => c.RZ(0, c.Weight() * 1e200 * 1e200));
        Assert.Empty(c.Gates);
    }

    [Fact]
    public void NonFiniteWeightOrInputValues_AreRejectedByEveryCall()
    {
        var interpreter = Interpreter();
        var ws = interpreter.CreateWorkspace();
        var z = PauliSum.Z(0);
        var g = new double[2];
        var goodW = new[] { 0.1, 0.2 };
        var goodX = new[] { 0.1, 0.2 };
        foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            var w = new[] { 0.1, bad };
            Throws<ArgumentException>("weights", "weights[1]", () => interpreter.Evaluate(w, goodX, z, ws));
            Throws<ArgumentException>("weights", "finite", () => interpreter.EvaluateWithGradient(w, goodX, z, g, ws));
            Throws<ArgumentException>("weights", "finite", () => interpreter.ParameterShiftGradient(w, goodX, z, g, ws));
            Throws<ArgumentException>("weights", "finite", () => interpreter.FiniteDifferenceGradient(w, goodX, z, g, ws));
            Throws<ArgumentException>("weights", "finite", () => interpreter.SpsaGradient(w, goodX, z, g, ws, 0.1, new SeededRandom(1)));
            Throws<ArgumentException>("weights", "finite", () => interpreter.Prepare(w, goodX, new StateVector(2)));

            var x = new[] { bad, 0.2 };
            Throws<ArgumentException>("inputs", "inputs[0]", () => interpreter.Evaluate(goodW, x, z, ws));
            Throws<ArgumentException>("inputs", "finite", () => interpreter.EvaluateWithGradient(goodW, x, z, g, ws));
            Throws<ArgumentException>("inputs", "finite", () => interpreter.Prepare(goodW, x, new StateVector(2)));
        }
    }

    [Fact]
    public void FiniteValuesWhoseAngleOverflows_AreRejectedNotTurnedIntoNaN()
    {
        // 10·w and 10·x + 1 overflow to ±∞ for |w| near double.MaxValue although w itself is finite.
        var c = new Circuit(1);
        c.RY(0, 10 * c.Weight()).RX(0, (10 * c.Input(0)) + 1);
        var interpreter = new CircuitInterpreter(c);
        var ws = interpreter.CreateWorkspace();
        var z = PauliSum.Z(0);
        var g = new double[1];
        var huge = new[] { 1e308 };
        var ok = new[] { 0.5 };
        Throws<ArgumentException>("weights", "finite", () => interpreter.Evaluate(huge, ok, z, ws));
        Throws<ArgumentException>("weights", "finite", () => interpreter.EvaluateWithGradient(huge, ok, z, g, ws));
        Throws<ArgumentException>("weights", "finite", () => interpreter.ParameterShiftGradient(huge, ok, z, g, ws));
        Throws<ArgumentException>("weights", "finite", () => interpreter.Prepare(huge, ok, new StateVector(1)));
        Throws<ArgumentException>("inputs", "finite", () => interpreter.Evaluate(ok, new[] { -1e308 }, z, ws));
    }

    [Fact]
    public void ObservableOnAQubitTheCircuitDoesNotHave_IsRejected()
    {
        var interpreter = Interpreter();
        var ws = interpreter.CreateWorkspace();
        var (w, x, g) = (new[] { 0.1, 0.2 }, new[] { 0.1, 0.2 }, new double[2]);
        var o = TestData.Obs("Z0 X2");
        Throws<ArgumentException>("observable", "qubit 2", () => interpreter.Evaluate(w, x, o, ws));
        Throws<ArgumentException>("observable", "qubit 2", () => interpreter.EvaluateWithGradient(w, x, o, g, ws));
        Throws<ArgumentException>("observable", "qubit 2", () => interpreter.ParameterShiftGradient(w, x, o, g, ws));
        Throws<ArgumentException>("observable", "qubit 2", () => interpreter.FiniteDifferenceGradient(w, x, o, g, ws));
        Throws<ArgumentException>("observable", "qubit 2", () => interpreter.SpsaGradient(w, x, o, g, ws, 0.1, new SeededRandom(1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(31)]
    public void QubitCountOutsideOneToThirty_IsRejected(int qubits)
    {
        Throws<ArgumentOutOfRangeException>("qubits", "1 to 30 qubits", () => new Circuit(qubits));
        Throws<ArgumentOutOfRangeException>("qubits", "1 to 30 qubits", () => new StateVector(qubits));
    }

    [Fact]
    public void MismatchedStateWorkspaceAndOptions_AreRejected()
    {
        var interpreter = Interpreter();
        var other = new CircuitInterpreter(new Circuit(3).H(0));
        var ws = interpreter.CreateWorkspace();
        var (w, x, g) = (new[] { 0.1, 0.2 }, new[] { 0.1, 0.2 }, new double[2]);
        var z = PauliSum.Z(0);
        Throws<ArgumentException>("state", "3 qubits", () => interpreter.Prepare(w, x, new StateVector(3)));
        Throws<ArgumentException>("workspace", "CreateWorkspace", () => interpreter.Evaluate(w, x, z, other.CreateWorkspace()));
        Throws<ArgumentOutOfRangeException>("step", "positive", () => interpreter.FiniteDifferenceGradient(w, x, z, g, ws, 0));
        Throws<ArgumentOutOfRangeException>("step", "positive", () => interpreter.FiniteDifferenceGradient(w, x, z, g, ws, double.NaN));
        Throws<ArgumentOutOfRangeException>("perturbation", "positive",
            () => interpreter.SpsaGradient(w, x, z, g, ws, -0.1, new SeededRandom(1)));
        Assert.Throws<ArgumentNullException>("observable", () => interpreter.Evaluate(w, x, null!, ws));
        Assert.Throws<ArgumentNullException>("workspace", () => interpreter.Evaluate(w, x, z, null!));
        Assert.Throws<ArgumentNullException>("random", () => interpreter.SpsaGradient(w, x, z, g, ws, 0.1, null!));
    }

    [Fact]
    public void MalformedGates_AreRejectedByAppend()
    {
        var c = new Circuit(3);
        Throws<ArgumentException>("qubits", "acts on 2 qubit(s), but 1 were given",
            () => c.Append(GateKind.CNOT, ImmutableArray.Create(0), ImmutableArray<Angle>.Empty));
        Throws<ArgumentException>("angles", "takes 1 angle(s), but 0 were given",
            () => c.Append(GateKind.RX, ImmutableArray.Create(0), ImmutableArray<Angle>.Empty));
        Throws<ArgumentException>("pauliWord", "Pauli word",
            () => c.Append(GateKind.RX, ImmutableArray.Create(0), ImmutableArray.Create<Angle>(0.1), "X"));
        Throws<ArgumentException>("word", "one letter per qubit", () => c.PauliRot(0.1, "XY", 0));
        Throws<ArgumentException>("word", "'Q'", () => c.PauliRot(0.1, "XQ", 0, 1));
        Throws<ArgumentException>("qubits", "at least one qubit", () => c.MultiRZ(0.1));
        Throws<ArgumentOutOfRangeException>("index", "0 or more", () => c.Weight(-1));
        Throws<ArgumentOutOfRangeException>("index", "0 or more", () => c.Input(-2));
        Assert.Empty(c.Gates);
    }
}
