using System;

namespace NegLR.Tests;

public class SmokeTests
{
    [Fact]
    public void RxThenRy_ExpectationOfZ_IsProductOfCosines()
    {
        // PennyLane "qubit rotation" demo: f(φ1, φ2) = cos φ1 cos φ2.
        var c = new Circuit(1);
        c.RX(0, c.Weight()).RY(0, c.Weight());
        var interpreter = new CircuitInterpreter(c);
        var ws = interpreter.CreateWorkspace();
        var gradient = new double[2];
        double f = interpreter.EvaluateWithGradient(new[] { 0.54, 0.12 }, PauliSum.Z(0), gradient, ws);
        Assert.Equal(0.8515405859048365, f, 1e-14);
        Assert.Equal(-0.5104386525165019, gradient[0], 1e-14);
        Assert.Equal(-0.1026781994569318, gradient[1], 1e-14);
    }
}
