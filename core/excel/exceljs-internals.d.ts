/** The exceljs internals extended in exceljs-extensions.ts; exceljs ships no types for its xform classes. */
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
