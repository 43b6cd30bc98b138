extern alias generator;

using System;
using System.Threading;
using generator::NegLR.Generator.Parsing;
using NegLR.Generator.Tests.Infrastructure;
using static NegLR.Generator.Tests.Parsing.ReaderHarness;

namespace NegLR.Generator.Tests.Parsing;

/// <summary>
/// The gate and step budgets: huge or endless bodies end with a problem at the loop or call at fault. What bounds the
/// reader's work is checked by counting it (the steps the run took, the gates it recorded), not by timing it: a timed
/// bound fails on a busy machine and passes a reader that is merely fast enough today.
/// </summary>
public sealed class ReaderBudgetTests
{
    [Fact]
    public void StepBudget_StopsAHugeLoopAtTheBudgetAtItsHeader()
    {
        var result = Read(Body("int sum = 0; for (int i = 0; i < 1000000000; i++) { sum += i; }"), qubits: 2);

        var problem = AssertSingleProblem(result, BodyProblemKind.BudgetExceeded, "for (int i = 0; i < 1000000000; i++)");
        Assert.Contains("2,000,000 steps", problem.Message);

        // It stopped where the budget ran out, not after the billion iterations.
        Assert.Equal(CircuitBodyReader.DefaultStepBudget, result.Steps);
    }

    [Fact]
    public void StepBudget_CountsEveryStepUpToTheBudget()
    {
        // The same loop under a small budget stops at exactly that budget: the count, not the clock, ends the run.
        var result = Read(Body("int sum = 0; for (int i = 0; i < 1000000000; i++) { sum += i; }"), qubits: 2, stepBudget: 10_000);

        AssertSingleProblem(result, BodyProblemKind.BudgetExceeded, "for (int i = 0; i < 1000000000; i++)");
        Assert.Equal(10_000, result.Steps);
    }

    [Fact]
    public void StepBudget_StopsAnEndlessLoop()
    {
        var result = Read(Body("for (;;) { }"), qubits: 1);

        AssertSingleProblem(result, BodyProblemKind.BudgetExceeded, "for (;;)");
    }

    [Fact]
    public void StepBudget_IsReportedAtTheInnermostLoop()
    {
        var result = Read(Body("for (int i = 0; i < 10; i++) foreach (var q in new[] { 0, 1 }) for (int j = 0; j < 100; j++) c.H(q);"),
            qubits: 2, gateBudget: int.MaxValue, stepBudget: 500);

        AssertSingleProblem(result, BodyProblemKind.BudgetExceeded, "for (int j = 0; j < 100; j++)");
    }

    [Fact]
    public void StepBudget_CountsArrayAllocation()
    {
        var result = Read(Body("var huge = new double[int.MaxValue];"), qubits: 1);

        AssertSingleProblem(result, BodyProblemKind.BudgetExceeded, "new double[int.MaxValue]");

        // Refused before allocating: filling the array would have taken int.MaxValue steps.
        Assert.InRange(result.Steps, 1, 100);
    }

    [Fact]
    public void GateBudget_StopsAtTheCallThatCrossesIt()
    {
        var result = Read(Body("for (int i = 0; i < 100; i++) c.H(0).X(1);"), qubits: 2, gateBudget: 50);

        // 25 rounds record 50 gates; the 26th H is one too many.
        var problem = AssertSingleProblem(result, BodyProblemKind.BudgetExceeded, "H(0)");
        Assert.Contains("more than 50 gates", problem.Message);
    }

    [Fact]
    public void GateBudget_IsCheckedBeforeAHugeTemplateRuns()
    {
        var result = Read(Body("c.H(0); c.HardwareEfficient(1_000_000_000);"), qubits: 30);

        AssertSingleProblem(result, BodyProblemKind.BudgetExceeded, "HardwareEfficient(1_000_000_000)");

        // The template never ran: the circuit still holds only the H (a template checked after running would have
        // recorded billions of gates first).
        Assert.Equal(1, result.RecordedGates);
    }

    [Fact]
    public void GateBudget_AllowsExactlyTheBudget()
    {
        var result = Read(Body("for (int i = 0; i < 50; i++) c.H(0);"), qubits: 1, gateBudget: 50);

        Assert.True(result.Succeeded);
        Assert.Equal(50, result.Circuit!.Gates.Count);
    }

    [Fact]
    public void StepBudget_CountsTheGatesDepthWalks()
    {
        // Depth walks every gate: read in a loop over a growing circuit it would take quadratic time without the charge.
        var result = Read(Body("for (int i = 0; i < 19000; i++) c.RZ(0, c.Depth);"), qubits: 1);

        // 19,000 gates fit the gate budget, so only the charge for Depth's walks can stop this, at the step budget.
        AssertSingleProblem(result, BodyProblemKind.BudgetExceeded, "for (int i = 0; i < 19000; i++)");
        // It stopped when the next walk (one step per gate recorded so far) no longer fitted in what was left.
        Assert.InRange(result.RecordedGates, 1, 18_999);
        Assert.InRange(result.Steps, CircuitBodyReader.DefaultStepBudget - result.RecordedGates, CircuitBodyReader.DefaultStepBudget);
    }

    [Fact]
    public void GateBudget_DoesNotHideATemplatesOwnArgumentCheck()
    {
        var result = Read(Body("c.AngleEmbedding(1_000_000_000);"), qubits: 4);

        AssertSingleProblem(result, BodyProblemKind.InvalidGateArgument, "1_000_000_000");
    }

    [Fact]
    public void Cancellation_DuringARun_Propagates()
    {
        var compilation = TestCompilation.Create(Body("for (;;) { c.I(0); }"));
        var method = FindCircuitMethod(compilation);
        var model = compilation.GetSemanticModel(method.SyntaxTree);
        model.GetDiagnostics();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        // The gate budget would stop this after 20,000 gates; a huge budget leaves only cancellation to end it.
        Assert.ThrowsAny<OperationCanceledException>(() =>
            CircuitBodyReader.Read(method, model, 1, cancellation.Token, gateBudget: int.MaxValue, stepBudget: int.MaxValue));
    }
}
