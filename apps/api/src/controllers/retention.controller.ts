import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Retention, UserContext } from '../../../../libs/cases/src';
import { CurrentUser } from '../auth/current-user.decorator';
import { validateBody } from '../errors/validate-body';
import { ApiProblems } from '../dto/api-problems.decorator';
import { RetentionDto, RetentionPreviewDto, RetentionRunDto, RetentionViewDto } from '../dto/retention.dto';
import { UuidParam } from './uuid-param.pipe';

/** Retention (docs/domain.md §7): how long closed cases are kept, what is due, and anonymising it. */
@ApiTags('retention')
@ApiBearerAuth()
@Controller('owners/:ownerId/retention')
export class RetentionController {
  constructor(private readonly retention: Retention) {}

  @Get()
  @ApiOperation({ summary: 'The retention period in force (years after closing; null = never)' })
  @ApiOkResponse({ type: RetentionViewDto })
  @ApiProblems(401, 404)
  get(@CurrentUser() user: UserContext, @Param('ownerId', UuidParam) ownerId: string) {
    return this.retention.get(user, ownerId);
  }

  @Put()
  @ApiOperation({ summary: 'Set the retention period (owner only); versioned' })
  @ApiBody({ type: RetentionDto })
  @ApiOkResponse({ type: RetentionViewDto })
  @ApiProblems(401, 403, 404, 409, 422)
  async set(@CurrentUser() user: UserContext, @Param('ownerId', UuidParam) ownerId: string, @Body() body: unknown) {
    const dto = await validateBody(RetentionDto, body);
    return this.retention.change(user, ownerId, { expectedVersion: dto.expectedVersion, retentionYears: dto.retentionYears });
  }

  @Get('preview')
  @ApiOperation({ summary: 'The closed cases due for anonymisation now, and those a legal hold keeps (owner, auditor)' })
  @ApiOkResponse({ type: RetentionPreviewDto })
  @ApiProblems(401, 403, 404)
  preview(@CurrentUser() user: UserContext, @Param('ownerId', UuidParam) ownerId: string) {
    return this.retention.preview(user, ownerId);
  }

  @Post('run')
  @HttpCode(200)
  @ApiOperation({
    summary: "Anonymise the cases due (owner only): children's names, ids and free text replaced; every event and hash kept",
  })
  @ApiOkResponse({ type: RetentionRunDto })
  @ApiProblems(401, 403, 404)
  run(@CurrentUser() user: UserContext, @Param('ownerId', UuidParam) ownerId: string) {
    return this.retention.run(user, ownerId);
  }
}
