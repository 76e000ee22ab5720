using System.ComponentModel;
using System.Globalization;

namespace Worker.Configuration;

/// <summary>How the configuration binder reads <see cref="StampPage"/>; anything else makes it report the key.</summary>
public sealed class StampPageConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string);

    public override object ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        StampPage.TryParse(value as string, out var page) ? page : throw new FormatException($"'{value}' {StampPage.MustBe}");
}
