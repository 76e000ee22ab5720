namespace Worker.Configuration;

/// <summary>A route's long-term validation level at filing: None, LT (a DSS) or LTA (a DSS and a document timestamp).</summary>
[System.ComponentModel.TypeConverter(typeof(EnumNameConverter<LtvSetting>))]
public enum LtvSetting
{
    None,
    LT,
    LTA,
}
