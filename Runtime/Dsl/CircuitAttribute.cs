using System;

namespace NegLR;

/// <summary>
/// Marks the method that builds an ansatz's circuit: <c>static void Name(Circuit c)</c>. Its body is a subset of C#
/// (constant-bound <c>for</c> loops, <c>if</c> on constants, <c>int</c>/<c>double</c> locals, <c>const</c> fields,
/// <c>Math</c> functions, calls on <c>c</c>) that the generator runs at compile time; the same method also runs at run
/// time and records the same circuit for the interpreter.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class CircuitAttribute : Attribute
{
}
