import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Supervision, UserContext } from '../../../../libs/cases/src';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiProblems } from '../dto/api-problems.decorator';
import { OwnerSupervisionDto, UnitSupervisionDto } from '../dto/supervision.dto';
import { PURPOSE_QUERY, purposeOf } from '../dto/query-params';
import { ownerSupervisionCsv, unitSupervisionCsv } from '../presenters/supervision.csv';
import { UuidParam } from './uuid-param.pipe';

const FROM = {
  name: 'from',
  required: false,
  description: 'first day (YYYY-MM-DD, Oslo), cases opened from then; default a year before `to`',
} as const;
const TO = { name: 'to', required: false, description: 'last day (YYYY-MM-DD, Oslo), inclusive; default today' } as const;

/** JSON unless the client asks for CSV (Accept: text/csv), which comes as a download. */
function negotiate<T>(report: T, accept: string | undefined, res: Response, toCsv: (r: T) => string, filename: string): T | string {
  if (!accept || !/\btext\/csv\b/i.test(accept)) return report;
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  return toCsv(report);
}
const text = (v: unknown) => (typeof v === 'string' ? v : v === undefined ? undefined : String(v));

/** Tilsyn (docs/domain.md §3): the four supervision themes per case and per unit, as JSON or CSV. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller()
export class SupervisionController {
  constructor(private readonly supervision: Supervision) {}

  @Get('units/:unitId/supervision')
  @ApiOperation({
    summary: "A unit's cases measured by the four supervision themes, with totals (principal, owner, auditor); Accept: text/csv for CSV",
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: UnitSupervisionDto })
  @ApiQuery(FROM)
  @ApiQuery(TO)
  @ApiQuery(PURPOSE_QUERY)
  @ApiProblems(401, 403, 404, 422)
  async unit(
    @CurrentUser() user: UserContext,
    @Param('unitId', UuidParam) unitId: string,
    @Query('from') from: unknown,
    @Query('to') to: unknown,
    @Query('purpose') purpose: unknown,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const report = await this.supervision.unit(user, unitId, { from: text(from), to: text(to), purpose: purposeOf(purpose) });
    return negotiate(report, accept, res, unitSupervisionCsv, `tilsyn-${report.unitId}-${report.from}-${report.to}.csv`);
  }

  @Get('owners/:ownerId/supervision')
  @ApiOperation({
    summary:
      "The owner's forsvarlig system: the supervision totals per unit and across all units (owner, auditor); Accept: text/csv for CSV",
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: OwnerSupervisionDto })
  @ApiQuery(FROM)
  @ApiQuery(TO)
  @ApiProblems(401, 403, 404, 422)
  async owner(
    @CurrentUser() user: UserContext,
    @Param('ownerId', UuidParam) ownerId: string,
    @Query('from') from: unknown,
    @Query('to') to: unknown,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const report = await this.supervision.owner(user, ownerId, { from: text(from), to: text(to) });
    return negotiate(report, accept, res, ownerSupervisionCsv, `tilsyn-eier-${report.from}-${report.to}.csv`);
  }
}
