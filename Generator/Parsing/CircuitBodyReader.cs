using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NegLR.Generator.Parsing;

/// <summary>
/// Turns a <c>[Circuit]</c> method body into the circuit it records, at compile time. The one reader of circuit bodies:
/// the generator uses the circuit, the analyzers report the problems at their locations. It never throws (except on
/// cancellation) and never hangs: work is bounded by a gate budget and a step budget.
/// </summary>
/// <remarks>
/// Three passes: the signature; a check of the body's operation tree that reports every construct outside the subset
/// (<see cref="BodyChecker"/>); then, when the check is clean, a run of the body on the generator's linked
/// <see cref="Circuit"/> (<see cref="BodyRunner"/>), so templates, weight numbering and argument checks are the ones
/// the same body meets at run time.
/// </remarks>
internal static class CircuitBodyReader
{
    /// <summary>Most gates a body may record: beyond this an unrolled kernel is too large to be worth generating.</summary>
    public const int DefaultGateBudget = 20_000;

    /// <summary>Most steps (evaluated operations and loop iterations) a body may take, so a huge or endless loop ends quickly.</summary>
    public const int DefaultStepBudget = 2_000_000;

    /// <summary>Reads <paramref name="method"/>'s body into a circuit on <paramref name="qubits"/> qubits.</summary>
    /// <param name="checkCompilerErrors">
    /// Ask the compiler for the method's errors first (the default) and stop with one problem if there are any. The
    /// analyzers pass false to skip that second binding on the common, clean path: a body with compiler errors then
    /// shows up as problems (invalid operations, unreadable values), and they ask the compiler only in that case.
    /// </param>
    public static BodyReadResult Read(MethodDeclarationSyntax method, SemanticModel model, int qubits, CancellationToken cancellationToken,
        int gateBudget = DefaultGateBudget, int stepBudget = DefaultStepBudget, bool checkCompilerErrors = true)
    {
        var problems = new List<BodyProblem>();
        var sites = new BodySites();
        var work = new ReadWork();
        Circuit? circuit = null;
        try
        {
            circuit = ReadCore(method, model, qubits, gateBudget, stepBudget, checkCompilerErrors, problems, sites, work, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            // A bug in the reader must not take the compiler down: it becomes one problem on the method.
            problems.Add(new BodyProblem(BodyProblemKind.UnsupportedConstruct,
                $"The NegLR circuit reader failed on this body ({exception.GetType().Name}: {exception.Message}); please report this as a NegLR bug.",
                method.Identifier.GetLocation()));
        }

        // Source order: the checker finds problems in that order, the runner in execution order (a later line can fail first).
        return new BodyReadResult(circuit, problems.OrderBy(p => p.Location.SourceSpan.Start).ToImmutableArray(),
            sites.Gates.ToImmutableArray(), sites.WeightSites(circuit), work.Steps, work.RecordedGates);
    }

    private static Circuit? ReadCore(MethodDeclarationSyntax method, SemanticModel model, int qubits, int gateBudget, int stepBudget,
        bool checkCompilerErrors, List<BodyProblem> problems, BodySites sites, ReadWork work, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(method, cancellationToken) is not IMethodSymbol symbol
            || CircuitSignature.Check(method, symbol, problems) is not { } circuitParameter)
        {
            if (problems.Count == 0)
            {
                problems.Add(new BodyProblem(BodyProblemKind.InvalidSignature, "The [Circuit] method could not be resolved.", method.Identifier.GetLocation()));
            }

            return null;
        }

        // Code that does not compile has no meaning to run; the compiler reports the error itself, this is its echo.
        // Warnings promoted to errors (an unused local) do not change what the body means, so they do not stop the read.
        if (checkCompilerErrors && model.GetDiagnostics(method.Span, cancellationToken).FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error && !d.IsWarningAsError) is { } error)
        {
            problems.Add(new BodyProblem(BodyProblemKind.UnsupportedConstruct,
                $"The [Circuit] method does not compile, so its circuit cannot be read: {error.GetMessage(CultureInfo.InvariantCulture)}",
                error.Location, BodyProblemDetail.DoesNotCompile));
            return null;
        }

        if (model.GetOperation(method, cancellationToken) is not IMethodBodyOperation { } operation
            || (operation.BlockBody ?? operation.ExpressionBody) is not { } body)
        {
            problems.Add(new BodyProblem(BodyProblemKind.InvalidSignature, "The [Circuit] method has no body to read.", method.Identifier.GetLocation()));
            return null;
        }

        var circuit = CreateCircuit(method, qubits, problems);
        BodyChecker.Check(body, circuitParameter, problems, cancellationToken);
        if (circuit is null || problems.Count > 0)
        {
            return null;
        }

        work.Steps = BodyRunner.Run(body, circuit, gateBudget, stepBudget, problems, sites, cancellationToken);
        work.RecordedGates = circuit.Gates.Count;
        return problems.Count == 0 ? circuit : null;
    }

    /// <summary>How much running the body did, kept even when the run stopped with a problem.</summary>
    private sealed class ReadWork
    {
        public int Steps { get; set; }

        public int RecordedGates { get; set; }
    }

    private static Circuit? CreateCircuit(MethodDeclarationSyntax method, int qubits, List<BodyProblem> problems)
    {
        try
        {
            return new Circuit(qubits);
        }
        catch (ArgumentException exception)
        {
            problems.Add(new BodyProblem(BodyProblemKind.InvalidGateArgument,
                $"The ansatz declares {qubits.ToString(CultureInfo.InvariantCulture)} qubits: {ExceptionText.Clean(exception)}", method.Identifier.GetLocation()));
            return null;
        }
    }
}
