/** The exceljs internals that exceljs-extensions.ts extends and rows.ts writes with; exceljs ships no types for them. */
declare module 'exceljs/lib/xlsx/xform/sheet/row-breaks-xform.js' {
  const RowBreaksXform: { prototype: object };
  export default RowBreaksXform;
}
declare module 'exceljs/lib/xlsx/xform/style/styles-xform.js' {
  const StylesXform: { prototype: object };
  export default StylesXform;
}
declare module 'exceljs/lib/stream/xlsx/worksheet-writer.js' {
  const WorksheetWriter: { prototype: object };
  export default WorksheetWriter;
}
declare module 'exceljs/lib/xlsx/xform/sheet/print-options-xform.js' {
  const PrintOptionsXform: new () => object;
  export default PrintOptionsXform;
}
/** The helpers and constants core/excel/rows.ts writes cells with, as exceljs's own cell writer does. */
declare module 'exceljs/lib/utils/utils.js' {
  const utils: { xmlEncode(text: string): string; dateToExcel(date: Date, date1904: boolean): number };
  export default utils;
}
declare module 'exceljs/lib/doc/enums.js' {
  const Enums: { ValueType: { Null: number; Number: number; String: number; Date: number } };
  export default Enums;
}
