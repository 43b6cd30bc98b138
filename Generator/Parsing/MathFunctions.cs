using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;

namespace NegLR.Generator.Parsing;

/// <summary>
/// The <c>System.Math</c> functions a body may call on known values, keyed by overload (<c>Abs(int)</c> and
/// <c>Abs(double)</c> differ, as in C#). <c>Math.PI</c>, <c>Math.E</c> and <c>Math.Tau</c> are constants and need no entry.
/// Only overloads netstandard2.0 has are listed, since the generator computes them with its own <c>System.Math</c>.
/// </summary>
internal static class MathFunctions
{
    private static readonly Dictionary<string, Func<BodyValue[], BodyValue>> Functions = new(StringComparer.Ordinal)
    {
        ["Sqrt(double)"] = a => D(Math.Sqrt(a[0].AsDouble())),
        ["Sin(double)"] = a => D(Math.Sin(a[0].AsDouble())),
        ["Cos(double)"] = a => D(Math.Cos(a[0].AsDouble())),
        ["Tan(double)"] = a => D(Math.Tan(a[0].AsDouble())),
        ["Asin(double)"] = a => D(Math.Asin(a[0].AsDouble())),
        ["Acos(double)"] = a => D(Math.Acos(a[0].AsDouble())),
        ["Atan(double)"] = a => D(Math.Atan(a[0].AsDouble())),
        ["Atan2(double,double)"] = a => D(Math.Atan2(a[0].AsDouble(), a[1].AsDouble())),
        ["Sinh(double)"] = a => D(Math.Sinh(a[0].AsDouble())),
        ["Cosh(double)"] = a => D(Math.Cosh(a[0].AsDouble())),
        ["Tanh(double)"] = a => D(Math.Tanh(a[0].AsDouble())),
        ["Exp(double)"] = a => D(Math.Exp(a[0].AsDouble())),
        ["Log(double)"] = a => D(Math.Log(a[0].AsDouble())),
        ["Log(double,double)"] = a => D(Math.Log(a[0].AsDouble(), a[1].AsDouble())),
        ["Log10(double)"] = a => D(Math.Log10(a[0].AsDouble())),
        ["Pow(double,double)"] = a => D(Math.Pow(a[0].AsDouble(), a[1].AsDouble())),
        ["IEEERemainder(double,double)"] = a => D(Math.IEEERemainder(a[0].AsDouble(), a[1].AsDouble())),
        ["Abs(double)"] = a => D(Math.Abs(a[0].AsDouble())),
        ["Abs(int)"] = a => BodyValue.Of(Math.Abs(a[0].AsInt())),
        ["Min(double,double)"] = a => D(Math.Min(a[0].AsDouble(), a[1].AsDouble())),
        ["Min(int,int)"] = a => BodyValue.Of(Math.Min(a[0].AsInt(), a[1].AsInt())),
        ["Max(double,double)"] = a => D(Math.Max(a[0].AsDouble(), a[1].AsDouble())),
        ["Max(int,int)"] = a => BodyValue.Of(Math.Max(a[0].AsInt(), a[1].AsInt())),
        ["Sign(double)"] = a => BodyValue.Of(Math.Sign(a[0].AsDouble())),
        ["Sign(int)"] = a => BodyValue.Of(Math.Sign(a[0].AsInt())),
        ["Floor(double)"] = a => D(Math.Floor(a[0].AsDouble())),
        ["Ceiling(double)"] = a => D(Math.Ceiling(a[0].AsDouble())),
        ["Truncate(double)"] = a => D(Math.Truncate(a[0].AsDouble())),
        ["Round(double)"] = a => D(Math.Round(a[0].AsDouble())),
        ["Round(double,int)"] = a => D(Math.Round(a[0].AsDouble(), a[1].AsInt())),
    };

    /// <summary>The function <paramref name="method"/> names, if it is a known <c>Math</c> overload.</summary>
    public static Func<BodyValue[], BodyValue>? Find(IMethodSymbol method) => Key(method) is { } key ? Functions[key] : null;

    /// <summary>The function with <paramref name="key"/> (as <see cref="Key"/> makes it), if there is one.</summary>
    public static Func<BodyValue[], BodyValue>? Find(string key) => Functions.TryGetValue(key, out var f) ? f : null;

    /// <summary>The table key of <paramref name="method"/>, such as <c>Sin(double)</c>, when it is a known <c>Math</c> overload.</summary>
    public static string? Key(IMethodSymbol method) =>
        method.IsStatic && KnownTypes.IsMath(method.ContainingType) && Functions.ContainsKey(Signature(method)) ? Signature(method) : null;

    private static BodyValue D(double value) => BodyValue.Of(value);

    private static string Signature(IMethodSymbol method)
    {
        var key = new StringBuilder(method.Name).Append('(');
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            key.Append(i == 0 ? "" : ",").Append(method.Parameters[i].Type.SpecialType switch
            {
                SpecialType.System_Int32 => "int",
                SpecialType.System_Double => "double",
                _ => "?",
            });
        }

        return key.Append(')').ToString();
    }
}
