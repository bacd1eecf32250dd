// German: the series messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enSeries } from '../en/series.ts';

export const deSeries: CatalogPart<typeof enSeries> = {};
