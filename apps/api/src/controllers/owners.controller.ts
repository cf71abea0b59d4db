import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ChangeDeadlinePolicy,
  GetDeadlinePolicy,
  OwnerGuidance,
  OwnerLanguageSetting,
  SchoolHolidays,
  UserContext,
} from '../../../../libs/cases/src';
import { CurrentUser } from '../auth/current-user.decorator';
import { validateBody } from '../errors/validate-body';
import { ApiProblems } from '../dto/api-problems.decorator';
import {
  DeadlinePolicyDto,
  DeadlinePolicyViewDto,
  OwnerLanguageDto,
  OwnerLanguageViewDto,
  SchoolHolidaysDto,
  SchoolHolidayViewDto,
} from '../dto/owner-settings.dto';
import { GuidanceDto, GuidanceViewDto } from '../dto/omni.dto';
import { UuidParam } from './uuid-param.pipe';

/** The owner's (kommune's) settings: deadline policy, school holidays (skolerute), Omni guidance and default language. */
@ApiTags('owner settings')
@ApiBearerAuth()
@Controller('owners/:ownerId')
export class OwnersController {
  constructor(
    private readonly getPolicy: GetDeadlinePolicy,
    private readonly changePolicy: ChangeDeadlinePolicy,
    private readonly holidays: SchoolHolidays,
    private readonly guidance: OwnerGuidance,
    private readonly language: OwnerLanguageSetting,
  ) {}

  @Get('language')
  @ApiOperation({ summary: 'The default language (bokmål or nynorsk) for everyone working for the owner who has not chosen one' })
  @ApiOkResponse({ type: OwnerLanguageViewDto })
  @ApiProblems(401, 404)
  getLanguage(@CurrentUser() user: UserContext, @Param('ownerId', UuidParam) ownerId: string) {
    return this.language.get(user, ownerId);
  }

  @Put('language')
  @ApiOperation({ summary: 'Choose the default language (owner only)' })
  @ApiBody({ type: OwnerLanguageDto })
  @ApiOkResponse({ type: OwnerLanguageViewDto })
  @ApiProblems(401, 403, 404, 409, 422)
  async setLanguage(@CurrentUser() user: UserContext, @Param('ownerId', UuidParam) ownerId: string, @Body() body: unknown) {
    const dto = await validateBody(OwnerLanguageDto, body);
    return this.language.change(user, ownerId, { expectedVersion: dto.expectedVersion, defaultLanguage: dto.defaultLanguage });
  }

  @Get('guidance')
  @ApiOperation({ summary: 'Omni decision support: FFSS warning threshold and suggestion rules (policy, not law)' })
  @ApiOkResponse({ type: GuidanceViewDto })
  @ApiProblems(401, 404)
  getGuidance(@CurrentUser() user: UserContext, @Param('ownerId', UuidParam) ownerId: string) {
    return this.guidance.get(user, ownerId);
  }

  @Put('guidance')
  @ApiOperation({ summary: 'Change the Omni guidance (owner only); applies at once to warnings and suggestions' })
  @ApiBody({ type: GuidanceDto })
  @ApiOkResponse({ type: GuidanceViewDto })
  @ApiProblems(401, 403, 404, 409, 422)
  async setGuidance(@CurrentUser() user: UserContext, @Param('ownerId', UuidParam) ownerId: string, @Body() body: unknown) {
    const dto = await validateBody(GuidanceDto, body);
    return this.guidance.change(user, ownerId, {
      ...dto,
      rules: dto.rules.map((r) => ({ whenStepAtLeast: r.whenStepAtLeast, suggest: r.suggest })),
    });
  }

  @Get('deadline-policy')
  @ApiOperation({ summary: 'The deadline policy in force (policy, not law); anyone working for the owner may read it' })
  @ApiOkResponse({ type: DeadlinePolicyViewDto })
  @ApiProblems(401, 404)
  policy(@CurrentUser() user: UserContext, @Param('ownerId', UuidParam) ownerId: string) {
    return this.getPolicy.execute(user, ownerId);
  }

  @Put('deadline-policy')
  @ApiOperation({ summary: 'Change the deadline policy (owner only); applies to new deadlines, running ones keep theirs' })
  @ApiBody({ type: DeadlinePolicyDto })
  @ApiOkResponse({ type: DeadlinePolicyViewDto })
  @ApiProblems(401, 403, 404, 409, 422)
  async setPolicy(@CurrentUser() user: UserContext, @Param('ownerId', UuidParam) ownerId: string, @Body() body: unknown) {
    const dto = await validateBody(DeadlinePolicyDto, body);
    return this.changePolicy.execute(user, ownerId, { ...dto });
  }

  @Get('school-holidays')
  @ApiOperation({ summary: 'School holidays (skolerute) of the owner and its units' })
  @ApiOkResponse({ type: [SchoolHolidayViewDto] })
  @ApiProblems(401, 404)
  listHolidays(@CurrentUser() user: UserContext, @Param('ownerId', UuidParam) ownerId: string) {
    return this.holidays.list(user, ownerId);
  }

  @Post('school-holidays')
  @ApiOperation({ summary: 'Upload school holidays (owner only): { holidays: [{ from, to, name, unitId? }] }' })
  @ApiBody({ type: SchoolHolidaysDto })
  @ApiCreatedResponse({ type: [SchoolHolidayViewDto] })
  @ApiProblems(401, 403, 404, 422)
  async addHolidays(@CurrentUser() user: UserContext, @Param('ownerId', UuidParam) ownerId: string, @Body() body: unknown) {
    const dto = await validateBody(SchoolHolidaysDto, body);
    return this.holidays.add(
      user,
      ownerId,
      dto.holidays.map((h) => ({ ...h, unitId: h.unitId?.toLowerCase() ?? null })),
    );
  }

  @Delete('school-holidays/:holidayId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a school holiday (owner only)' })
  @ApiNoContentResponse()
  @ApiProblems(401, 403, 404)
  async removeHoliday(
    @CurrentUser() user: UserContext,
    @Param('ownerId', UuidParam) ownerId: string,
    @Param('holidayId', UuidParam) id: string,
  ) {
    await this.holidays.remove(user, ownerId, id);
  }
}
