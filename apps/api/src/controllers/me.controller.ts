import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MeDto, TaskDto } from '../dto/responses.dto';
import { DirectoryQueries, GetMyTasks, UserContext } from '../../../../libs/cases/src';
import { CurrentUser } from '../auth/current-user.decorator';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly directory: DirectoryQueries,
    private readonly tasks: GetMyTasks,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user, their roles and units' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: UserContext) {
    return this.directory.me(user);
  }

  @Get('tasks')
  @ApiOperation({ summary: 'What I must do now: my pending deadlines across cases, soonest first' })
  @ApiOkResponse({ type: [TaskDto] })
  myTasks(@CurrentUser() user: UserContext) {
    return this.tasks.execute(user);
  }
}
