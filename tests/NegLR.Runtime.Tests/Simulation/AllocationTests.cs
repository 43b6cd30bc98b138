using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Simulation;

/// <summary>With a caller-supplied workspace, no interpreter call allocates once warmed up.</summary>
public class AllocationTests
{
    [Fact]
    public void EveryInterpreterCall_WithACallerSuppliedWorkspace_AllocatesNothingAfterWarmUp()
    {
        // A circuit with every gate kind, trainable angles everywhere (Rot and U3 included), one input angle.
        var c = new Circuit(4);
        foreach (var kind in TestData.AllKinds)
        {
            var info = GateInfo.Of(kind);
            int arity = info.Qubits > 0 ? info.Qubits : 3;
            var qubits = ImmutableArray.CreateRange(Enumerable.Range(0, arity).Select(k => (k + (int)kind) % 4));
            var angles = ImmutableArray.CreateRange(Enumerable.Range(0, info.Angles).Select(_ => (1.5 * c.Weight()) - 0.2));
            c.Append(kind, qubits, angles, kind == GateKind.PauliRot ? "XIY" : null);
        }

        c.RY(2, c.Input(0)).CRZ(3, 1, (0.5 * c.Input(1)) + 0.4).CRY(1, 2, c.Weight(0));

        var interpreter = new CircuitInterpreter(c);
        var ws = interpreter.CreateWorkspace();
        var w = TestData.RandomVector(new SeededRandom(3), interpreter.WeightCount, -2, 2);
        var x = new[] { 0.3, -0.8 };
        var g = new double[interpreter.WeightCount];
        var state = new StateVector(4);
        var rng = new SeededRandom(4);
        var observable = new PauliSum(
            new[] { TestData.Term("Z0 Z1", 0.5), TestData.Term("X2", -0.7), TestData.Term("Y1 X3", 0.2), TestData.Term("Y0 Y1 Z2", 1.1) },
            constant: 0.25);

        // A second circuit without inputs for the overloads that take none.
        var noInputs = new CircuitInterpreter(new Circuit(3).StronglyEntanglingLayers(2));
        var ws2 = noInputs.CreateWorkspace(forGradients: false);
        var w2 = TestData.RandomVector(new SeededRandom(5), noInputs.WeightCount, -2, 2);
        var g2 = new double[noInputs.WeightCount];
        var observable2 = TestData.Obs("X0 Z2");

        var calls = new (string Name, Action Call)[]
        {
            ("Evaluate", () => interpreter.Evaluate(w, x, observable, ws)),
            ("EvaluateWithGradient", () => interpreter.EvaluateWithGradient(w, x, observable, g, ws)),
            ("ParameterShiftGradient", () => interpreter.ParameterShiftGradient(w, x, observable, g, ws)),
            ("FiniteDifferenceGradient", () => interpreter.FiniteDifferenceGradient(w, x, observable, g, ws)),
            ("SpsaGradient", () => interpreter.SpsaGradient(w, x, observable, g, ws, 0.01, rng)),
            ("Prepare", () => interpreter.Prepare(w, x, state)),
            ("Evaluate (no inputs)", () => noInputs.Evaluate(w2, observable2, ws2)),
            ("EvaluateWithGradient (no inputs, lazy adjoint state)", () => noInputs.EvaluateWithGradient(w2, observable2, g2, ws2)),
        };

        var failures = new List<string>();
        foreach (var (name, call) in calls)
        {
            call();
            call();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int k = 0; k < 3; k++)
            {
                call();
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated != 0)
            {
                failures.Add($"{name}: {allocated} bytes");
            }
        }

        Assert.True(failures.Count == 0, "Allocating calls: " + string.Join("; ", failures));
    }
}
